'use client';

import { useLinkStatus } from 'next/link';
import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

/**
 * A navigation link that marks the page you are on (aria-current, plus weight and underline, not colour alone).
 * Client-side because layouts are not re-rendered on navigation: only the pathname hook stays current.
 */
export function NavLink({ href, className = '', children }: { href: string; className?: string; children: React.ReactNode }) {
  const current = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`inline-flex min-h-11 min-w-11 items-center underline-offset-4 hover:underline ${current ? 'font-bold underline decoration-2' : ''} ${className}`}
    >
      {children}
      <Pending />
    </Link>
  );
}

/**
 * "Loading …" beside the link while its page is on the way. Not a loading.tsx: a Suspense boundary around the pages
 * would send 200 before a page could answer 404, 403 or a redirect; the old page stays visible meanwhile, never blank.
 */
function Pending() {
  const { pending } = useLinkStatus();
  const t = useTranslations('Common');
  return pending ? (
    <span role="status" aria-busy="true" className="ml-1.5 text-xs font-normal text-stone-700">
      {t('loading')}
    </span>
  ) : null;
}
