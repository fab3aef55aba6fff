import { expect, test } from '@playwright/test';
import { verifyChain, type ChainEntry } from '../lib/governance/chain';
import { E2E_COORDINATOR, messages, signIn } from './accounts';
import { expectNoHorizontalOverflow, newSeller } from './people';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const YES = { de: /^Ja –/, en: /^Yes –/ } as const;
const NO = { de: /^Nein –/, en: /^No –/ } as const;
/** A message with one {placeholder}, as a pattern that takes any text in its place. */
const withAny = (message: string, placeholder: string) =>
  new RegExp(`^${message.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(`{${placeholder}}`, '.+')}$`);

test.setTimeout(180_000);

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: a coordinator opens a vote with its impact preview; a member votes and changes her vote at 360 px, results hidden`, async ({ browser }) => {
    // The roll is frozen at opening: the member exists first.
    const seller = await newSeller(browser, locale, true);

    const coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
    await expect(coordinator).toHaveURL(new RegExp(`/${locale}/coordinator$`));
    await coordinator.getByRole('link', { name: t.CoordinatorNav.votes }).first().click();
    await expect(coordinator.getByRole('heading', { name: t.Votes.title, level: 1 })).toBeVisible();
    await coordinator.getByRole('link', { name: t.Votes.propose }).click();
    const k = coordinator.getByLabel(t.Governance.param.releaseThreshold);
    await expect(k).toHaveValue('3');
    // Out of range: refused in words, nothing opened, what was typed kept.
    await k.fill('1');
    await coordinator.getByLabel(t.Votes.reason).fill('Four raters protect raters better than three.');
    await coordinator.getByRole('button', { name: t.Votes.submitOpen }).click();
    await expect(coordinator.getByText(t.Votes.errors.paramRange)).toBeVisible();
    await expect(coordinator.getByLabel(t.Votes.reason)).toHaveValue('Four raters protect raters better than three.');
    await k.fill('4');
    await coordinator.getByLabel(t.Votes.days).fill('7');
    await coordinator.getByRole('button', { name: t.Votes.submitOpen }).click();
    await expect(coordinator).toHaveURL(new RegExp(`/${locale}/votes/[0-9a-f-]{36}$`));
    await expect(coordinator.getByRole('heading', { name: t.Votes.impact.title })).toBeVisible();
    await expect(coordinator.getByText(t.Votes.hidden)).toBeVisible();
    // Its state in words, with its last day.
    const open = withAny(t.Votes.statusOpen, 'closes');
    await expect(coordinator.getByText(open)).toBeVisible();
    const url = coordinator.url();
    await coordinator.context().close();

    const page = seller.page;
    await page.goto(`/${locale}/votes`);
    await expect(page.getByRole('heading', { name: t.Votes.title, level: 1 })).toBeVisible();
    await expect(page.getByText(open).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: t.SellerNav.label }).getByRole('link', { name: t.SellerNav.votes })).toBeVisible();
    await page.goto(url);
    await expect(page.getByText(t.Votes.notVoted)).toBeVisible();
    await page.getByRole('radio', { name: YES[locale] }).check();
    await page.getByRole('button', { name: t.Votes.castVote }).click();
    await expect(page.getByRole('status').filter({ hasText: t.Votes.voted })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: YES[locale] })).toBeChecked();
    await page.getByRole('radio', { name: NO[locale] }).check();
    await page.getByRole('button', { name: t.Votes.changeVote }).click();
    await expect(page.getByRole('status').filter({ hasText: t.Votes.voted })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: NO[locale] })).toBeChecked();
    // No counts while the vote is open.
    await expect(page.getByRole('heading', { name: t.Votes.resultTitle })).toHaveCount(0);
    await expect(page.getByText(t.Votes.hidden)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.context().close();
  });

  test(`${locale}: the public changelog needs no sign-in, shows the release at 360 px, and its feed verifies`, async ({ browser, request }) => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`/${locale}/changelog`);
    await expect(page.getByRole('heading', { name: t.Changelog.title, level: 1 })).toBeVisible();
    await expect(page.getByText(t.Changelog.release.replace('{version}', '0.1.0'))).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.context().close();

    const response = await request.get('/api/changelog');
    expect(response.status()).toBe(200);
    const feed = (await response.json()) as { head: string; entries: ChainEntry[] };
    expect(feed.entries.some((e) => e.entry === 'release')).toBe(true);
    expect(verifyChain(feed.entries)).toMatchObject({ ok: true, head: feed.head });
  });
}
