// A small, safe Markdown subset for the support page, which coordinators edit. Parsed into a tree
// of known node kinds only: raw HTML is never passed through (it stays text, which React escapes),
// and links go only to https:, tel: or a path on this site. Anything else is shown as plain text.
//
// Blocks: "#", "##", "###" headings; paragraphs (lines joined); "- " / "* " lists; "1. " lists;
// "---" rules. Inline: **bold**, *italic* or _italic_, [text](target), \ escapes.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'rule' };

const HEADING = /^(#{1,3})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const CONTINUATION = /^\s{2,}\S/;

/** A link target the page may use, or null: https: URLs, tel: numbers and paths on this site. */
export function safeHref(raw: string): string | null {
  const target = raw.trim();
  // No control characters or whitespace anywhere: they hide schemes ("java\tscript:").
  if (target === '' || /[\s\u0000-\u001f\u007f-\u009f\\]/.test(target)) return null;
  if (/^tel:\+?[0-9][0-9()./-]*$/i.test(target)) return target;
  // A path on this site: "/" but not "//" (another host).
  if (/^\/(?!\/)/.test(target)) return target;
  if (!/^https:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}

/** Inline text: emphasis and links; every other character is text. */
export function parseInline(source: string, inLink = false): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length && /[\\`*_{}[\]()#+\-.!>]/.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '*' && source[i + 1] === '*') {
      const end = source.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, end), inLink) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && source[i + 1] !== c && source[i + 1] !== ' ' && source[i + 1] !== undefined) {
      const end = closingEmphasis(source, i + 1, c);
      if (end > 0) {
        flush();
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, end), inLink) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[' && !inLink) {
      const link = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(source.slice(i));
      if (link) {
        flush();
        const href = safeHref(link[2]!);
        const children = parseInline(link[1]!, true);
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  flush();
  return out;
}

function closingEmphasis(source: string, from: number, marker: string): number {
  for (let j = from; j < source.length; j++) {
    if (source[j] === '\\') {
      j += 1;
      continue;
    }
    // "*" closes only when not doubled and not after a space; "_" only at a word's end.
    if (source[j] === marker && source[j - 1] !== ' ' && source[j + 1] !== marker) {
      if (marker === '_' && /\w/.test(source[j + 1] ?? '')) continue;
      return j;
    }
  }
  return -1;
}

/** The whole text as blocks. Never throws; unknown syntax is text. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((item) => parseInline(item)) });
    list = null;
  };

  for (const line of lines) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === '') {
      endParagraph();
      endList();
    } else if (RULE.test(line)) {
      endParagraph();
      endList();
      blocks.push({ kind: 'rule' });
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!) });
    } else if (bullet || numbered) {
      endParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!.trim());
    } else if (list && CONTINUATION.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}
