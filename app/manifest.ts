import type { MetadataRoute } from 'next';
import de from '@/messages/de.json';

/**
 * The installable app (Android, and iOS 16.4+ from the home screen, where push needs it). One
 * manifest for both languages: the German name (the default locale); the start page follows
 * the browser's language as every page does.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: de.Common.appName,
    short_name: de.Common.appName,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fafaf9',
    theme_color: '#5b21b6',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
