'use client';

import { forgetDrafts } from './kept-form';

/** Signing out also forgets this tab's form drafts: nothing typed stays behind for the next person. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="submit" onClick={forgetDrafts} className="min-h-11 underline underline-offset-4">
      {label}
    </button>
  );
}
