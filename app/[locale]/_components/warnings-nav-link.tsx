'use client';

import { useEffect, useState, useTransition } from 'react';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { NavLink } from './nav-link';

const BOARD = '/seller/warnings';

/**
 * "Warnungen" with a badge counting warnings since her last visit to the board, in words ("2 neu"), not colour alone.
 * The count comes from the layout, which client navigation does not re-render: on the board the badge is hidden,
 * and on leaving it the page is refreshed so the cleared count arrives; until then the old one stays hidden.
 */
export function WarningsNavLink({ label, count, badge }: { label: string; count: number; badge: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const onBoard = pathname === BOARD;
  const [wasOnBoard, setWasOnBoard] = useState(onBoard);
  const [stale, setStale] = useState(false);
  const [, startTransition] = useTransition();
  if (wasOnBoard !== onBoard) {
    setWasOnBoard(onBoard);
    if (wasOnBoard) setStale(true);
  }
  useEffect(() => {
    if (!stale) return;
    startTransition(() => {
      router.refresh();
      setStale(false);
    });
  }, [stale, router]);
  const show = count > 0 && !onBoard && !stale;
  return (
    <NavLink href={BOARD} className="px-2">
      {label}
      {show && <span className="ml-1.5 rounded-full bg-red-800 px-2 py-0.5 text-xs font-bold text-white">{badge}</span>}
    </NavLink>
  );
}
