'use client';

import { startTransition, useEffect, useRef, type ComponentProps, type FormEvent } from 'react';
import type { FormState } from '@/lib/i18n/outcome';

// Forms that never lose what was typed. React resets a <form action> after every submission,
// which cleared choices, codes and passwords on each error; submitting from onSubmit inside a
// transition keeps the pending state (useFormStatus) without that reset. Without JavaScript the
// form still posts to its action. A draft of the fields (never passwords) is kept in this tab's
// sessionStorage, so a sign-in after an expired session brings it back; success forgets it.

const PREFIX = 'draft:';
type Fields = Record<string, string | boolean>;

function fieldsOf(form: HTMLFormElement): Fields {
  const out: Fields = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && ['password', 'hidden', 'file', 'submit'].includes(el.type)) continue;
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) out[`${el.name}=${el.value}`] = el.checked;
    else out[el.name] = el.value;
  }
  return out;
}

function restore(form: HTMLFormElement, fields: Fields) {
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
      const saved = fields[`${el.name}=${el.value}`];
      if (typeof saved === 'boolean') el.checked = saved;
    } else if (typeof fields[el.name] === 'string' && !(el instanceof HTMLInputElement && ['password', 'hidden', 'file'].includes(el.type))) {
      el.value = fields[el.name] as string;
    }
  }
}

/** Forgets every form draft of this tab (sign-out, quick exit). */
export function forgetDrafts() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

/**
 * A form that keeps its input. `draft`: a key naming this form on its page, to keep a draft for
 * the tab (omit it for forms whose fields must not be stored, e.g. codes).
 */
export function KeptForm({
  action,
  state,
  draft,
  ...props
}: { action: (data: FormData) => void; state: FormState; draft?: string } & Omit<ComponentProps<'form'>, 'action' | 'onSubmit'>) {
  const ref = useRef<HTMLFormElement>(null);
  const key = draft ? `${PREFIX}${draft}` : null;

  useEffect(() => {
    const saved = key && sessionStorage.getItem(key);
    if (saved && ref.current) {
      try {
        restore(ref.current, JSON.parse(saved) as Fields);
      } catch {
        sessionStorage.removeItem(key);
      }
    }
  }, [key]);

  // After a refusal, focus goes to the first field in error (passwords are kept too).
  useEffect(() => {
    if (state.status === 'error') ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  useEffect(() => {
    if (state.status !== 'ok') return;
    ref.current?.reset();
    if (key) sessionStorage.removeItem(key);
  }, [state, key]);

  const save = () => {
    if (key && ref.current) sessionStorage.setItem(key, JSON.stringify(fieldsOf(ref.current)));
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    save();
    startTransition(() => action(data));
  };
  return <form ref={ref} action={action} onSubmit={submit} onInput={save} onChange={save} {...props} />;
}
