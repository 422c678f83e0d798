import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('share', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('gives the advocate a link and QR code, and takes a vanity code', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.getByTestId('nav-share').click();
    const card = page
      .getByTestId('share-card')
      .filter({ hasText: 'Give $10, get $10' });
    const link = card.getByTestId('share-url');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/r\/[a-z0-9]{10}$/);
    await card.getByTestId('share-qr').waitFor();
    await card.getByTestId('vanity-input').fill('admin');
    await card.getByTestId('vanity-submit').click();
    await card.getByText('Is reserved.').waitFor();
    const code = `ada-${Date.now().toString(36)}`;
    await card.getByTestId('vanity-input').fill(code);
    await card.getByTestId('vanity-submit').click();
    await page.waitForFunction(
      (expected) =>
        (
          document.querySelector(
            '[data-testid="share-url"]',
          ) as HTMLInputElement | null
        )?.value.endsWith(`/r/${expected}`),
      code,
    );
    await context.close();
  });

  it('lets a manager create a programme', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-programmes').click();
    await page.getByTestId('programme-new').click();
    const slug = `spring-${Date.now().toString(36)}`;
    await page.getByTestId('programme-name').fill('Spring friends');
    await page.getByTestId('programme-slug').fill(slug);
    await page
      .getByTestId('programme-landing')
      .fill('https://shop.example.com/spring');
    await page
      .getByTestId('programme-preview')
      .getByText('Spring friends')
      .waitFor();
    await page.getByTestId('programme-submit').click();
    await page
      .getByTestId('programmes-table')
      .locator('tr', { hasText: slug })
      .getByTestId('programme-activate')
      .waitFor();
    await context.close();
  });
});
