import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('rewards', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets the advocate claim an available reward and shows it delivered', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.getByTestId('nav-wallet').click();
    await page.getByTestId('wallet-rewards').waitFor();
    const card = page
      .locator('li.reward')
      .filter({ hasText: '500 points' })
      .filter({ has: page.getByTestId('claim-button') });
    await card.getByTestId('claim-button').click();
    const claimed = page.locator('li.reward').filter({ hasText: '500 points' });
    await claimed
      .getByTestId('reward-status')
      .filter({ hasText: 'Delivered' })
      .waitFor();
    expect(await claimed.getByTestId('claim-button').count()).toBe(0);
    await context.close();
  });

  it('lets a manager approve an over-budget reward', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-rewards').click();
    await page.getByTestId('approvals-table').waitFor();
    const row = page
      .getByTestId('approvals-table')
      .locator('tr', { hasText: 'Over budget' });
    await row.getByRole('button', { name: 'Decide' }).click();
    await row.getByLabel('Reason (shown to the advocate)').fill('Worth it');
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Saved').waitFor();
    await page
      .getByTestId('approvals-table')
      .locator('tr', { hasText: 'Over budget' })
      .waitFor({ state: 'detached' });
    await context.close();
  });
});
