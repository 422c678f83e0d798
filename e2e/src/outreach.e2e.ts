import { Browser } from 'playwright-core';
import { Client } from 'pg';
import { launchBrowser, newPage, signIn } from '../support/browser';
import { readState } from '../support/state';

describe('outreach', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('writes a template with a live preview, refuses review gating and schedules a send to everyone', async () => {
    const { context, page } = await newPage(browser, {
      width: 1400,
      height: 900,
    });
    await signIn(page, 'brand@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-outreach').click();

    // The seeded send and its report.
    await page
      .getByTestId('sends-table')
      .getByTestId('send-link')
      .first()
      .click();
    await page
      .getByTestId('report-status')
      .filter({ hasText: 'Completed' })
      .waitFor();
    expect(
      Number(await page.getByTestId('report-sent').textContent()),
    ).toBeGreaterThan(0);
    await page.getByTestId('report-reasons').waitFor();
    await page.getByTestId('report-back').click();

    // A template with a typo in a variable is explained before saving, then saved once fixed.
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-preview').waitFor();
    await page.getByTestId('template-name').fill('Spring invite');
    await page
      .getByTestId('template-body')
      .fill('Hi {{firstName}},\n\nShare {{referalLink}} today');
    await page.getByTestId('template-name').click();
    await page
      .getByText('Unknown variable {{referalLink}} at line 3, column 7')
      .waitFor();
    await page
      .getByTestId('template-body')
      .fill('Hi {{firstName}},\n\nShare today: ');
    await page.getByTestId('insert-referralLink').click();
    await page.getByTestId('preview-customer').fill('advocate@demo');
    await page.getByRole('option', { name: /Ada Advocate/ }).click();
    await page.getByTestId('template-preview').getByText('Hi Ada,').waitFor();
    await page.getByTestId('template-save').click();
    await page.getByText('Spring invite is saved.').waitFor();

    // A public review request limited to promoters is refused, with the reason and a way out.
    await page.getByTestId('send-new').click();
    await page.getByTestId('send-template').click();
    await page.getByRole('option', { name: /Public review request/ }).click();
    await page.getByTestId('send-category-promoter').click();
    await page.getByTestId('send-gating').getByText('Review gating is not allowed').waitFor();
    expect(await page.getByTestId('send-submit').isDisabled()).toBe(true);
    await page.getByTestId('send-every-segment').click();
    await page.getByTestId('send-gating').waitFor({ state: 'detached' });
    await page.getByTestId('send-reach').waitFor();

    // Scheduled for tomorrow, so it waits on the queue; then cancelled from its report.
    await page.getByTestId('send-when').getByText('Later').click();
    const tomorrow = new Date(
      Date.now() + 86_400_000 - new Date().getTimezoneOffset() * 60_000,
    )
      .toISOString()
      .slice(0, 16);
    await page.getByTestId('send-at').fill(tomorrow);
    await page.getByTestId('send-survey').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('send-submit').click();
    await page.waitForURL(/\/brand\/outreach\/sends\//);
    await page
      .getByTestId('report-status')
      .filter({ hasText: 'Scheduled' })
      .waitFor();
    await page.getByTestId('send-cancel').click();
    await page
      .getByTestId('report-status')
      .filter({ hasText: 'Cancelled' })
      .waitFor();
    await context.close();
  });

  it('lets a recipient unsubscribe from the link in an email, without signing in', async () => {
    const db = new Client({ connectionString: readState().databaseUrl });
    await db.connect();
    const [message] = (
      await db.query<{ token: string; customer_id: string }>(
        `SELECT m.token, m.customer_id FROM outreach_messages m JOIN customers c ON c.id = m.customer_id
          WHERE m.status = 'sent' AND c.consent_marketing LIMIT 1`,
      )
    ).rows;
    const { context, page } = await newPage(browser);
    await page.goto(`/unsubscribe/${message.token}`);
    await page.getByTestId('unsubscribe-confirm').click();
    await page.getByTestId('unsubscribe-done').waitFor();
    const [consent] = (
      await db.query<{ consent_marketing: boolean }>(
        `SELECT consent_marketing FROM customers WHERE id = $1`,
        [message.customer_id],
      )
    ).rows;
    expect(consent.consent_marketing).toBe(false);
    await page.goto(`/unsubscribe/${'f'.repeat(64)}`);
    await page.getByTestId('unsubscribe-invalid').waitFor();
    await db.end();
    await context.close();
  });
});
