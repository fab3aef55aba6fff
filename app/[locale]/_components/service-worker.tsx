'use client';

import { useEffect } from 'react';

/** Registers public/sw.js (the app shell and Web Push); nothing else runs here. */
export function ServiceWorker() {
  useEffect(() => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  }, []);
  return null;
}
