import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, messages, signIn } from './accounts';
import { expectNoHorizontalOverflow } from './people';
import { PHONE, expectAxeClean, expectTapSize, fill } from './phone-checks';

test.use(PHONE);
// Two cores shared by the server, two browsers and other work: these flows take time.
test.describe.configure({ timeout: 120_000 });

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale].Invites;

  test(`${locale}: an invite gets a label of the coordinator's choosing, shown with its status; too long is refused, not cut`, async ({ page }) => {
    await signIn(page, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/coordinator$`));
    await page.goto(`/${locale}/coordinator/invites`);
    const field = page.getByLabel(t.label);

    // 41 characters: the counter warns as she types, the action refuses, the text stays whole.
    const tooLong = `${'x'.repeat(37)}-${Date.now().toString(36).slice(-3)}`;
    expect(tooLong).toHaveLength(41);
    await field.fill(tooLong);
    await expect(page.getByText(fill(t.labelCountOver, { count: 41, max: 40 }))).toBeVisible();
    await page.getByRole('button', { name: t.create }).click();
    await expect(page.getByText(messages[locale].Validation.inviteLabelTooLong)).toBeVisible();
    await expect(field).toHaveValue(tooLong);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);

    const label = `Mai ${Date.now().toString(36)}`;
    await field.fill(label);
    await expect(page.getByText(fill(t.labelCount, { count: label.length, max: 40 }))).toBeVisible();
    await page.getByRole('button', { name: t.create }).click();
    const created = page.getByRole('main').getByRole('status');
    await expect(created).toContainText(fill(t.createdLabel, { label }));
    await expect(created.locator('code').first()).toHaveText(/^[a-z0-9]{4}(-[a-z0-9]{4}){4}$/);
    // Ready for the next invite: the field is empty again.
    await expect(field).toHaveValue('');

    const item = page.getByRole('list', { name: t.listLabel }).getByRole('listitem').filter({ hasText: label });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(`${t.statusLabel}: ${t.status.open}`);
    await expect(item.locator('svg[aria-hidden="true"]')).toHaveCount(1);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);

    // Revoking takes a second step that says what happens.
    const revoke = item.getByText(t.revoke, { exact: true });
    await expectTapSize(revoke);
    await revoke.click();
    await expect(item.getByText(t.revokeConsequence)).toBeVisible();
    await expect(item).toContainText(`${t.statusLabel}: ${t.status.open}`);
    const confirm = item.getByRole('button', { name: t.revokeConfirm });
    await expectTapSize(confirm);
    await confirm.click();
    const revokedWord = t.status.revoked.split(' ')[0]!;
    await expect(item).toContainText(`${t.statusLabel}: ${revokedWord}`);
    await expect(item.getByText(t.revoke, { exact: true })).toHaveCount(0);

    // An invite without a label says so rather than leaving a blank line.
    const unlabelled = page.getByRole('list', { name: t.listLabel }).getByRole('listitem').filter({ hasText: t.noLabel });
    const before = await unlabelled.count();
    const firstCode = await created.locator('code').first().textContent();
    await page.getByRole('button', { name: t.create }).click();
    await expect(created.locator('code').first()).not.toHaveText(firstCode!);
    await expect(created).not.toContainText(fill(t.createdLabel, { label: '' }).trim());
    // (At least one: a test running beside this one may add its own.)
    await expect.poll(() => unlabelled.count()).toBeGreaterThan(before);
  });
}
