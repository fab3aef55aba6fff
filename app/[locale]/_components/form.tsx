'use client';

import { useFormStatus } from 'react-dom';
import type { ComponentProps, ReactNode } from 'react';

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

export function FormError({ message }: { message?: string }) {
  return (
    <p role="alert" aria-live="polite" className="text-red-800 empty:hidden">
      {message}
    </p>
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
