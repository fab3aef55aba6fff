'use client';

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
    </Link>
  );
}
