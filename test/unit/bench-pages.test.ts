import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchPages, NOT_AUDITED } from '../../bench/lib/pages';
import { sourcesUnder } from './client-modules';

// `npm run bench` audits every page (issue "Performance and scale"): each route under app/[locale]
// is in its list or among the few it names with a reason, and nothing in its list is not a route.

/** The routes under app/[locale]: each page.tsx's folders, less (group) folders, which add no segment. */
function routes(): string[] {
  const root = path.resolve('app/[locale]');
  return sourcesUnder(root)
    .filter((file) => path.basename(file) === 'page.tsx')
    .map((file) => '/' + path.relative(root, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/'));
}

/** A route as a pattern for the paths the bench asks for (`[x]`: one segment). */
const pattern = (route: string) => new RegExp(`^/de${route === '/' ? '' : route.replace(/\[[^\]/]+\]/g, '[^/]+')}$`);

describe('the pages the bench audits', () => {
  const all = routes();
  const audited = Object.values(benchPages('bench-s1', '00000000-0000-4000-8000-000000000001')).flat();

  it('cover every route of the app but the ones it names', () => {
    const missing = all.filter((route) => !(route in NOT_AUDITED) && !audited.some((p) => pattern(route).test(p)));
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(30);
  });

  it('are all routes, each once, and the exceptions exist', () => {
    // Not counting the catch-all, which takes any path.
    const named = all.filter((route) => !route.includes('[...'));
    for (const page of audited) expect(named.filter((route) => pattern(route).test(page)), page).not.toHaveLength(0);
    expect(new Set(audited).size).toBe(audited.length);
    for (const route of Object.keys(NOT_AUDITED)) expect(all).toContain(route);
  });
});
