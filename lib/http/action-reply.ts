// A server action's arguments arrive in React's reply encoding: JSON whose strings may point at
// other parts of the body ("$Q1": a Map in part 1, "$@2": a promise in part 2, "$3": part 3).
// A pointer to a part that is not there makes Next.js throw (a 500) while decoding, before the
// action runs, so proxy.ts checks the pointers first. Only the inline forms need no part.
const INLINE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n|T)/;
// Prefixes whose rest is a part id in hex; "$K" (form data) and "$Z" (errors) are left to React.
const POINTER = /^\$([@QWiFBRrXxA-JL-PSUV]?)([0-9a-f]+)$/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether every pointer in the arguments names a part that exists. `part(id)` gives a part's
 * text (multipart bodies) or null; a text/plain body has no parts at all.
 */
export function replyResolves(root: string, part: (id: string) => string | null = () => null): boolean {
  // The root is the list of arguments: anything else fails in Next.js as `action.apply(null, root)`.
  if (!Array.isArray(parse(root))) return false;
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const value = parse(pending.pop()!);
    if (value === undefined) return false;
    for (const s of strings(value)) {
      if (!s.startsWith('$') || INLINE.test(s) || s.startsWith('$K') || s.startsWith('$Z')) continue;
      const pointer = POINTER.exec(s);
      if (!pointer) return false;
      const id = String(parseInt(pointer[2]!, 16));
      const text = part(id);
      if (text === null) return false;
      // Pointed-at JSON parts may point further; blobs and streams are not JSON.
      if (!seen.has(id) && /^[@QWi]?$/.test(pointer[1]!)) {
        seen.add(id);
        pending.push(text);
      }
    }
  }
  return true;
}
