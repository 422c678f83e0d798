import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('admin pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('invites a staff member and finds the invitation in the audit log', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    const email = `e2e-${Date.now()}@demo.test`;
    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-email').fill(email);
    await page.getByTestId('invite-name').fill('Eve Tester');
    await page.getByTestId('invite-submit').click();
    const inviteUrl = await page
      .getByTestId('invite-url')
      .inputValue()
      .catch(() => page.getByTestId('invite-url').innerText());
    expect(inviteUrl).toContain('/accept-invite?token=');
    await page.getByTestId('invite-done').click();

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    expect(rows.some((row) => row.includes('user.invited'))).toBe(true);
    await context.close();
  });

  it('shows a field error from the server on the invite form', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-email').fill('manager@demo.test');
    await page.getByTestId('invite-name').fill('Duplicate');
    await page.getByTestId('invite-submit').click();
    await page.getByText('is already registered').waitFor();
    await context.close();
  });
});
