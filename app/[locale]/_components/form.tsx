'use client';

import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';

export function Field({
  label,
  name,
  id = name,
  error,
  hint,
  ...input
}: { label: string; name: string; error?: string; hint?: string } & ComponentProps<'input'>) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-stone-400 bg-white px-3 py-2 aria-invalid:border-red-700"
        {...input}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">
        {error}
      </p>
    </div>
  );
}

/**
 * The form's own error. When the session has expired it says so and links to sign-in, which
 * comes back to this page; the form's draft (KeptForm) is restored there.
 */
export function FormError({ message }: { message?: string }) {
  const t = useTranslations('Errors');
  const path = usePathname();
  const expired = message === t('signInRequired');
  return (
    <div role="alert" aria-live="polite" className="space-y-1 text-red-800 empty:hidden">
      {message && <p>{expired ? t('sessionExpired') : message}</p>}
      {expired && (
        <Link href={{ pathname: '/sign-in', query: { next: path } }} className="inline-flex min-h-11 items-center font-medium underline underline-offset-4">
          {t('signInAgain')}
        </Link>
      )}
    </div>
  );
}

export function SubmitButton({ children, pendingLabel, danger }: { children: ReactNode; pendingLabel: string; danger?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${danger ? 'bg-red-800 hover:bg-red-900' : 'bg-violet-800 hover:bg-violet-900'}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * A text area with its limit shown live. Nothing is cut off: a text over the limit is refused
 * by the server with a clear message, and the counter says how much is too much.
 */
export function CountedTextarea({
  label,
  name,
  id = name,
  max,
  error,
  hint,
  ...area
}: { label: string; name: string; max: number; error?: string; hint?: string } & Omit<ComponentProps<'textarea'>, 'maxLength'>) {
  const t = useTranslations('Common');
  const [length, setLength] = useState(String(area.defaultValue ?? '').length);
  const over = length > max;
  const describedBy = [hint && `${id}-hint`, `${id}-count`, `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>}
      <textarea
        id={id}
        name={name}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        className="w-full rounded-md border border-stone-400 bg-white px-3 py-2 aria-invalid:border-red-700"
        {...area}
      />
      <p id={`${id}-count`} className={`text-sm ${over ? 'font-medium text-red-800' : 'text-stone-600'}`}>
        {over ? t('tooLong', { over: length - max, max }) : t('charCount', { length, max })}
      </p>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">{error}</p>
    </div>
  );
}
