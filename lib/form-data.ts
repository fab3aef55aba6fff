/** A text field of a submitted form, cut to a sane length; '' when missing or a file. */
export function formText(form: FormData, name: string, max = 1024): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Server actions can be called by hand with any argument: only a real form is read. */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}
