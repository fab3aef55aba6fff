import { expect, test, type Page } from '@playwright/test';
import { messages, PASSWORD } from './accounts';
import { expectNoHorizontalOverflow, newSeller } from './people';
import { expectTapSize, fill } from './phone-checks';

// The safety network at 360 px: buddies pair up, a check-in is started, extended and ended with
// the PIN; the duress PIN's page is byte for byte the PIN's; wrong PINs escalate on the server's
// timer; the panic button with a position; the buddy reads the note and answers.

const t = messages.en;
const PIN = '2468';
const DURESS = '1357';
const NOTE = 'Hotel Adler, room 12, tall man in a grey coat';

async function setPins(page: Page) {
  await page.goto('/en/seller/safety');
  await page.getByRole('main').getByRole('link', { name: t.Safety.toPins }).first().click();
  await page.getByLabel(t.SafetyPins.pin, { exact: true }).fill(PIN);
  await page.getByLabel(t.SafetyPins.pinConfirm, { exact: true }).fill(PIN);
  await page.getByLabel(t.SafetyPins.duress, { exact: true }).fill(PIN);
  await page.getByLabel(t.SafetyPins.duressConfirm, { exact: true }).fill(PIN);
  await page.getByLabel(t.SafetyPins.password).fill(PASSWORD);
  await page.getByRole('button', { name: t.SafetyPins.save }).click();
  // The same PIN twice is refused in words, next to the field.
  await expect(page.getByText(t.Validation.pinsSame)).toBeVisible();
  await page.getByLabel(t.SafetyPins.duress, { exact: true }).fill(DURESS);
  await page.getByLabel(t.SafetyPins.duressConfirm, { exact: true }).fill(DURESS);
  await page.getByRole('button', { name: t.SafetyPins.save }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(t.SafetyPins.saved);
  await expectNoHorizontalOverflow(page);
}

async function startCheckin(page: Page, duration: string, note = '') {
  await page.goto('/en/seller/safety');
  await page.getByLabel(t.Safety.duration).selectOption({ label: duration });
  if (note) await page.getByLabel(t.Safety.note).fill(note);
  await page.getByRole('button', { name: t.Safety.start }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText('Running: ends in');
}

async function endWith(page: Page, pin: string) {
  await page.getByLabel(t.Safety.pin).fill(pin);
  await page.getByRole('button', { name: t.Safety.imOk }).click();
}

/** The buddy's safety page, reloaded until the server's timer has sent what she waits for. */
async function buddySees(page: Page, text: string | RegExp) {
  await expect(async () => {
    await page.goto('/en/seller/safety');
    await expect(page.getByRole('main').getByText(text).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
}

test('buddies, check-in, extend, PIN, duress, escalation, panic with position and acknowledgement at 360 px', async ({ browser }) => {
  test.setTimeout(300_000);
  const ann = await newSeller(browser, 'en', true);
  const bea = await newSeller(browser, 'en', true);
  const tools = ann.page.getByRole('navigation', { name: t.SellerNav.label });

  await setPins(ann.page);

  // Pairing: Ann asks Bea by pseudonym; Bea accepts.
  await ann.page.goto('/en/seller/safety/buddies');
  await ann.page.getByLabel(t.Buddies.pseudonym).fill(bea.pseudonym);
  await ann.page.getByRole('button', { name: t.Buddies.invite }).click();
  await expect(ann.page.getByRole('main').getByRole('status')).toHaveText(t.Buddies.invited);
  await bea.page.goto('/en/seller/safety/buddies');
  const accept = bea.page.getByRole('button', { name: fill(t.Buddies.acceptName, { pseudonym: ann.pseudonym }) });
  await expectTapSize(accept);
  await accept.click();
  await expect(bea.page.getByRole('heading', { name: fill(t.Buddies.buddiesTitle, { count: 1, max: 5 }) })).toBeVisible();
  await expect(bea.page.getByRole('main').getByText(ann.pseudonym, { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(bea.page);

  // Start (a duration, not a clock), extend, end with her PIN.
  await startCheckin(ann.page, '1 hour', NOTE);
  await expect(ann.page.getByText(t.Safety.noteKept)).toBeVisible();
  await ann.page.getByRole('radio', { name: '30 minutes' }).check();
  await ann.page.getByRole('button', { name: t.Safety.extend }).click();
  await expect(ann.page.getByText(t.Safety.extended)).toBeVisible();
  await ann.page.reload();
  await expect(ann.page.getByRole('main').getByRole('status').first()).toContainText(/ends in (89|90) minutes/);
  await expectNoHorizontalOverflow(ann.page);
  await endWith(ann.page, PIN);
  await expect(ann.page).toHaveURL(/\/en\/seller\/safety\?ended=1$/);
  await expect(ann.page.getByText(t.Safety.ended)).toBeVisible();
  const afterPin = await ann.page.getByRole('main').innerHTML();
  // Bea was not alerted, and reads nothing of Ann's note.
  await bea.page.goto('/en/seller/safety');
  await expect(bea.page.getByRole('heading', { name: t.Safety.alertsTitle })).toHaveCount(0);
  await expect(bea.page.getByText(NOTE)).toHaveCount(0);

  // The duress PIN: exactly the same page for Ann, an alarm with her note for Bea at once.
  await startCheckin(ann.page, '30 minutes', NOTE);
  await endWith(ann.page, DURESS);
  await expect(ann.page).toHaveURL(/\/en\/seller\/safety\?ended=1$/);
  await expect(ann.page.getByText(t.Safety.ended)).toBeVisible();
  expect(await ann.page.getByRole('main').innerHTML()).toBe(afterPin);
  await bea.page.goto('/en/seller/safety');
  const alarm = bea.page.getByRole('listitem').filter({ hasText: `${ann.pseudonym} sent an alarm` });
  await expect(alarm).toContainText(fill(t.Safety.noteShown, { note: NOTE }));
  await alarm.getByRole('button', { name: t.Safety.handling }).click();
  await expect(alarm).toContainText(fill(t.Safety.handledBy, { pseudonym: bea.pseudonym }));
  await expectNoHorizontalOverflow(bea.page);

  // Five wrong PINs: the server's timer alerts Bea (her phone could be off: nothing here waits for Ann).
  await startCheckin(ann.page, '2 hours', 'second meeting, car park');
  for (let i = 0; i < 5; i++) {
    await endWith(ann.page, '0000');
    await expect(ann.page.getByText(t.Validation.pinWrong)).toBeVisible();
  }
  await buddySees(bea.page, `${ann.pseudonym} has not ended her check-in`);
  const overdue = bea.page.getByRole('listitem').filter({ hasText: `${ann.pseudonym} has not ended her check-in` });
  await expect(overdue).toContainText('second meeting, car park');
  await overdue.getByRole('button', { name: t.Safety.handling }).click();
  await expect(overdue).toContainText(fill(t.Safety.handledBy, { pseudonym: bea.pseudonym }));
  await ann.page.goto('/en/seller/safety');
  await expect(ann.page.getByText(t.Safety.escalated)).toBeVisible();
  await expect(ann.page.getByRole('button', { name: t.Safety.extend })).toHaveCount(0);
  await endWith(ann.page, PIN);
  await expect(ann.page.getByText(t.Safety.ended)).toBeVisible();

  // Panic: the header's button opens a confirmation; only "Send alarm now" sends, with the position she allowed.
  await ann.page.context().grantPermissions(['geolocation']);
  await ann.page.context().setGeolocation({ latitude: 52.52, longitude: 13.405, accuracy: 15 });
  const panic = tools.getByRole('link', { name: t.SellerNav.panic, exact: true });
  await expectTapSize(panic);
  await panic.click();
  await expect(ann.page.getByRole('heading', { level: 1, name: t.Panic.title })).toBeVisible();
  await ann.page.getByRole('checkbox', { name: t.Panic.withPosition }).check();
  await expect(ann.page.getByText(t.Panic.positionReady)).toBeVisible();
  await expectNoHorizontalOverflow(ann.page);
  await ann.page.getByRole('button', { name: t.Panic.send }).click();
  await expect(ann.page.getByRole('main').getByRole('status')).toContainText('Alarm sent to your buddy.');
  await bea.page.goto('/en/seller/safety');
  const panicked = bea.page.getByRole('listitem').filter({ hasText: `${ann.pseudonym} pressed the alarm button` });
  await expect(panicked).toContainText('52.52, 13.405');
  await expect(panicked.getByRole('link', { name: t.Safety.openMap })).toHaveAttribute('href', 'geo:52.52,13.405');
  await panicked.getByRole('button', { name: t.Safety.handling }).click();
  await expect(panicked).toContainText(fill(t.Safety.handledBy, { pseudonym: bea.pseudonym }));
});

for (const locale of ['de', 'en'] as const) {
  test(`${locale}: the seller guide explains check-ins, the duress PIN and their limits`, async ({ page }) => {
    await page.goto(`/${locale}/guide/seller`);
    const section = page.getByRole('region', { name: messages[locale].SafetyGuide.title });
    await expect(section).toContainText(messages[locale].SafetyGuide.duress);
    await expect(section).toContainText(messages[locale].SafetyGuide.limits);
  });
}
