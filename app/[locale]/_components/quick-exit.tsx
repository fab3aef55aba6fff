import { headers } from 'next/headers';
import type { Locale } from '@/lib/i18n/routing';

/** Neutral pages in public/: a recipe, same origin (no third-party request), naming nothing of this service. */
export const NEUTRAL_PAGE: Record<Locale, string> = { de: '/rezept.html', en: '/recipe.html' };

// Plain script, no React, in the page's <head>: it runs before any of the body is parsed or
// painted, adds nothing to the client bundle and works before hydration. The button
// (a[data-quick-exit]) or Escape three times within 1.5 s: this tab's sessionStorage is cleared
// (form drafts) and marked, and the page is replaced by the neutral one with location.replace, so
// this history entry is gone. Earlier entries of this tab cannot be deleted by a page; instead,
// going back to one of them while the mark is set hides it at once and replaces it too. Opening the app on purpose (a link, the address bar) clears the
// mark. Without JavaScript the button is an ordinary link to the neutral page.
const script = (neutral: string) => `(function(){var w=window,d=document,K='quick-exit';if(w.__quickExit)return;w.__quickExit=1;
function s(){try{return w.sessionStorage}catch(e){return null}}
function marked(){try{return!!s().getItem(K)}catch(e){return false}}
function url(){var a=d.querySelector('a[data-quick-exit]');return a?a.href:${JSON.stringify(neutral)}}
function leave(){try{s().clear();s().setItem(K,'1')}catch(e){}d.documentElement.style.visibility='hidden';w.location.replace(url())}
var n=w.performance&&performance.getEntriesByType?performance.getEntriesByType('navigation')[0]:null;
if(marked()){if(n&&n.type==='back_forward'){leave();return}try{s().removeItem(K)}catch(e){}}
w.addEventListener('pageshow',function(e){if(e.persisted&&marked())leave()});
var t=[];d.addEventListener('keydown',function(e){if(e.key!=='Escape'&&e.key!=='Esc')return;var now=Date.now();t=t.filter(function(x){return now-x<1500});t.push(now);if(t.length>=3)leave()},true);
d.addEventListener('click',function(e){var a=e.target&&e.target.closest?e.target.closest('a[data-quick-exit]'):null;if(a&&e.button===0&&!e.ctrlKey&&!e.metaKey&&!e.shiftKey){e.preventDefault();leave()}},true)})();`;

/** The quick-exit button for every page (its script and the Escape key: QuickExitScript). */
export function QuickExit({ label, hint, locale }: { label: string; hint: string; locale: Locale }) {
  return (
    <a
      href={NEUTRAL_PAGE[locale]}
      data-quick-exit=""
      title={hint}
      className="inline-flex min-h-11 min-w-11 items-center gap-1.5 rounded-md border-2 border-stone-900 bg-white px-3 text-sm font-bold text-stone-900 hover:bg-stone-100"
    >
      <span aria-hidden="true">✕</span>
      {label}
    </a>
  );
}

/**
 * The script behind the button, for the layout's <head>. There the parser stops for it (after the
 * stylesheet) before the body: going back to a page left by quick exit shows nothing of it, and
 * the body is then parsed without a stop, so the first paint holds the whole page.
 */
export async function QuickExitScript({ locale }: { locale: Locale }) {
  // proxy.ts puts this page's CSP, with its nonce, on the request.
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script(NEUTRAL_PAGE[locale]) }} />;
}
