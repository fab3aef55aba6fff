import { expect, test } from '@playwright/test';
import { messages } from './accounts';
import { expectNoHorizontalOverflow, lookUp, newBuyer, newSeller } from './people';
import { withWarningBoard } from './warning-board';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: a warning reaches every seller and the look-up; direct messages go both ways`, async ({ browser }) => {
    test.setTimeout(180_000);
    const a = await newSeller(browser, locale);
    const b = await newSeller(browser, locale, true);
    const buyer = await newBuyer(browser, locale);
    const warning = `Refused to pay, aggressive (${locale}) ${Date.now()}`;

    // A posts a warning naming the buyer, to expire in 1 day.
    await a.page.goto(`/${locale}/seller/warnings`);
    await a.page.getByLabel(t.Messages.buyer).fill(buyer.pseudonym);
    await a.page.getByLabel(t.Messages.warningBody, { exact: true }).fill(warning);
    await a.page.getByRole('radio', { name: locale === 'de' ? '1 Tag' : '1 day', exact: true }).check();
    await withWarningBoard(async () => {
      await a.page.getByRole('button', { name: t.Messages.post }).click();
      await expect(a.page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);
    });

    // B sees it on the board, and on the buyer's look-up.
    await b.page.goto(`/${locale}/seller/warnings`);
    const boardList = b.page.getByRole('list', { name: t.Messages.boardTitle });
    await expect(boardList.getByRole('listitem').filter({ hasText: warning })).toContainText(buyer.pseudonym);
    // A free-text warning is an incident of category "other" (it counts so in the report figures).
    await expect(boardList.getByRole('listitem').filter({ hasText: warning })).toContainText(t.Messages.freeTextCategory);
    await expectNoHorizontalOverflow(b.page);
    // The warning's buyer links to that buyer's look-up.
    await boardList.getByRole('link', { name: fill(t.Messages.lookUp, { buyer: buyer.pseudonym }) }).click();
    await expect(b.page.getByRole('heading', { name: fill(t.Lookup.resultTitle, { pseudonym: buyer.pseudonym }) })).toBeVisible();
    await lookUp(b.page, locale, buyer.pseudonym);
    const count = b.page.getByRole('link', { name: new RegExp(locale === 'de' ? '^1 aktuelle Warnung' : '^1 live warning') });
    await expect(count).toBeVisible();
    await count.click();
    await expect(b.page.getByRole('heading', { level: 1, name: fill(t.Messages.boardAbout, { buyer: buyer.pseudonym }) })).toBeVisible();
    await expect(b.page.getByText(warning)).toBeVisible();

    // A writes to B; B sees the unread count, reads, replies; A reads the reply.
    await a.page.goto(`/${locale}/seller/messages`);
    await a.page.getByLabel(t.Messages.to).fill(b.pseudonym);
    await a.page.getByLabel(t.Messages.body, { exact: true }).fill('Be careful tonight.');
    await a.page.getByRole('button', { name: t.Messages.send }).click();
    await expect(a.page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);

    await b.page.goto(`/${locale}/seller`);
    const tools = b.page.getByRole('navigation', { name: t.SellerNav.label });
    await tools.getByRole('link', { name: fill(t.SellerNav.messagesUnread, { count: 1 }) }).click();
    await b.page.getByRole('link', { name: fill(t.Messages.conversationWith, { pseudonym: a.pseudonym }) }).click();
    await expect(b.page.getByText('Be careful tonight.')).toBeVisible();
    await b.page.getByLabel(t.Messages.body, { exact: true }).fill('Thank you, noted.');
    await b.page.getByRole('button', { name: t.Messages.send }).click();
    await expect(b.page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);
    await expect(tools.getByRole('link', { name: t.SellerNav.messages, exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(b.page);

    await a.page.goto(`/${locale}/seller/messages/${b.pseudonym}`);
    await expect(a.page.getByText('Thank you, noted.')).toBeVisible();
    await expect(a.page.getByText('Be careful tonight.')).toBeVisible();
  });
}

test('buyers and coordinators get no messages, pages or API', async ({ browser }) => {
  const buyer = await newBuyer(browser, 'en');
  expect((await buyer.page.goto('/en/seller/messages'))?.status()).toBe(403);
  expect((await buyer.page.goto('/en/seller/warnings'))?.status()).toBe(403);
  const api = await buyer.page.request.get('/api/messages');
  expect(api.status()).toBe(403);
  const post = await buyer.page.request.post('/api/messages', { data: { kind: 'warning', body: 'x' } });
  expect(post.status()).toBe(403);
});
