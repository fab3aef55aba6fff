import type { ReactNode } from 'react';

/**
 * A destructive submit in two deliberate steps: the first tap opens the consequence in words and
 * the real button; nothing is deleted by one tap. A <details> element, so it works without
 * JavaScript and with the keyboard; both targets are 44 px high.
 */
export function ConfirmSubmit({
  label,
  name = label,
  consequence,
  confirm,
  cancelHint,
}: { label: string; name?: string; consequence: ReactNode; confirm: string; cancelHint: string }) {
  return (
    <details className="group">
      <summary aria-label={name} className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center text-sm underline underline-offset-4">{label}</summary>
      <div role="group" aria-label={name} className="mt-2 space-y-2 rounded-md border-2 border-red-800 bg-red-50 p-3">
        <p className="font-medium text-red-950">{consequence}</p>
        <button type="submit" className="min-h-11 rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">
          {confirm}
        </button>
        <p className="text-sm text-stone-700">{cancelHint}</p>
      </div>
    </details>
  );
}
