import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('follow-up cases and webhooks', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets a manager work an overdue detractor case to resolution', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('closed-loop-contacted').waitFor();
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-table').waitFor();
    await page.getByTestId('cases-overdue').click();
    const overdue = page.getByTestId('case-row').first();
    await overdue.getByTestId('case-overdue').waitFor();
    expect(await page.getByTestId('case-row').count()).toBeGreaterThan(0);

    await page
      .getByTestId('case-row')
      .filter({ hasText: 'Unassigned' })
      .getByTestId('case-link')
      .click();
    await page.getByTestId('case-state').filter({ hasText: 'Open' }).waitFor();
    await page.getByTestId('case-assign-me').click();
    await page
      .getByTestId('case-owner')
      .filter({ hasText: 'Morgan Manager' })
      .waitFor();

    await page.getByTestId('case-note-submit').click();
    await page.getByText('The note is required.').waitFor();
    await page
      .getByTestId('case-note-body')
      .fill('Called the customer; a replacement ships today.');
    await page.getByTestId('case-note-submit').click();
    await page
      .getByTestId('case-notes')
      .getByText('a replacement ships today')
      .waitFor();

    await page.getByTestId('case-move-contacted').click();
    await page
      .getByTestId('case-state')
      .filter({ hasText: 'Contacted' })
      .waitFor();
    await page.getByTestId('case-move-resolved').click();
    await page
      .getByTestId('case-state')
      .filter({ hasText: 'Resolved' })
      .waitFor();
    expect(await page.getByTestId('case-due').textContent()).toContain('—');
    await context.close();
  });

  it('lets an admin add an endpoint, see its secret once, and read a delivery log', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('endpoints-table').waitFor();

    await page
      .getByTestId('endpoint-link')
      .filter({ hasText: 'example.com' })
      .click();
    await page
      .getByTestId('endpoint-status')
      .filter({ hasText: 'Disabled' })
      .waitFor();
    await page.getByTestId('deliveries-table').waitFor();
    expect(await page.getByTestId('delivery-row').count()).toBe(3);
    await page
      .getByTestId('delivery-row')
      .filter({ hasText: 'nps.response.created' })
      .getByTestId('delivery-details')
      .click();
    await page
      .getByTestId('delivery-attempts')
      .getByText('timed out after 10 s')
      .waitFor();

    await page.goto('/brand/admin/webhooks');
    await page.getByTestId('endpoint-create').click();
    await page.getByTestId('endpoint-url').fill('http://127.0.0.1:9/hook');
    await page.getByTestId('endpoint-event-case.opened').click();
    await page.getByTestId('endpoint-submit').click();
    await page.getByText('only public addresses are allowed').waitFor();

    await page.getByTestId('endpoint-url').fill('https://203.0.114.10/hooks');
    await page.getByTestId('endpoint-description').fill('Data warehouse');
    await page.getByTestId('endpoint-submit').click();
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByTestId('secret-done').click();
    await page
      .getByTestId('endpoint-url-heading')
      .filter({ hasText: '203.0.114.10' })
      .waitFor();
    await page.getByTestId('endpoint-edit').click();
    await page.getByTestId('endpoint-event-reward.claimed').click();
    await page.getByTestId('endpoint-submit').click();
    await page.locator('.chip', { hasText: 'reward.claimed' }).waitFor();

    await page.getByTestId('endpoint-rotate').click();
    await page.getByTestId('confirm-ok').click();
    const rotated = await page.getByTestId('webhook-secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByTestId('secret-grace').waitFor();
    await page.getByTestId('secret-done').click();
    await page.getByTestId('endpoint-grace').waitFor();

    await page.getByTestId('endpoint-test').click();
    await page
      .getByTestId('delivery-row')
      .filter({ hasText: 'webhook.test' })
      .waitFor();
    await context.close();
  });
});
