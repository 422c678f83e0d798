import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('incoming events', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets a manager send a parked event back, and the worker processes it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-referrals').click();
    // The events sit on their own tab; opening it puts it in the URL, so the reloads below keep it.
    await page.getByRole('tab', { name: 'Incoming events' }).click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/brand/referrals' &&
        url.searchParams.get('tab') === 'events',
    );
    const inbox = page.getByTestId('event-inbox');
    await inbox.getByTestId('inbox-count-failed').click();
    const row = inbox
      .getByTestId('event-inbox-table')
      .locator('tr', { hasText: 'evt_demo_refund_stuck' });
    await row.getByText('Connection terminated unexpectedly').waitFor();
    await row.getByTestId('retry-event').click();
    await page
      .getByText('evt_demo_refund_stuck sent back for processing')
      .waitFor();
    await inbox.getByTestId('event-inbox-empty').waitFor();
    // The worker picks it up within its polling interval; the counts say so after a reload.
    const failedCount = inbox
      .getByTestId('inbox-count-failed')
      .locator('strong');
    let failed: string | null = null;
    for (let attempt = 0; attempt < 20 && failed !== '0'; attempt++) {
      await page.waitForTimeout(500);
      await page.reload();
      failed = await failedCount.textContent();
    }
    expect(failed).toBe('0');
    await context.close();
  });

  it('opens straight on the events tab from a link with ?tab=events', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.goto('/brand/referrals?tab=events');
    await page.getByTestId('event-inbox-table').waitFor();
    expect(
      await page
        .getByRole('tab', { name: 'Incoming events' })
        .getAttribute('aria-selected'),
    ).toBe('true');
    expect(await page.getByTestId('referrals-table').count()).toBe(0);
    await context.close();
  });
});
