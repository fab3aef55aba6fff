import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A message with its {placeholders} filled in (plain ones only; enough for these tests). */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * axe on what this page's own content shows, with target-size (off by default in axe-core)
 * switched on: every tap target at least 24 px or spaced apart (WCAG 2.5.8).
 */
export async function expectAxeClean(page: Page, selector = 'main') {
  const results = await new AxeBuilder({ page }).include(selector).options({ rules: { 'target-size': { enabled: true } } }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious).toEqual([]);
  expect(results.passes.some((p) => p.id === 'target-size')).toBe(true);
}

/** At least 44 × 44 px (WCAG 2.5.5). */
export async function expectTapSize(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}
