'use client';

/** Prints the page as its A6 card (the page's print styles); hidden on paper itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" data-noprint="" onClick={() => window.print()} className="min-h-11 rounded-md border-2 border-violet-800 bg-white px-4 py-2 font-medium text-violet-900 hover:bg-violet-50">
      {label}
    </button>
  );
}
