/** A path inside this app to return to after sign-in; anything else (other hosts, odd forms) is dropped. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  if (!/^\/(?![/\\])[A-Za-z0-9\-._~/%?=&]*$/.test(value)) return null;
  return value;
}
