import { Link } from '@/lib/i18n/navigation';

/**
 * The panic button on every seller page. It only opens the confirmation page, whose own "Send alarm
 * now" sends the alarm: a stray tap here sends nothing. Red and worded, never colour alone.
 */
export function PanicLink({ label }: { label: string }) {
  return (
    <Link
      href="/seller/safety/panic"
      className="my-1 inline-flex min-h-11 min-w-11 items-center justify-center rounded-md bg-red-800 px-3 font-bold text-white hover:bg-red-900"
    >
      {label}
    </Link>
  );
}
