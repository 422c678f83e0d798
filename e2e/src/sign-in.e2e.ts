import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

const HOMES: {
  email: string;
  path: string;
  nav: string[];
  hidden: string[];
}[] = [
  {
    email: 'advocate@demo.test',
    path: '/advocate',
    nav: ['nav-home'],
    hidden: ['nav-users', 'nav-audit'],
  },
  {
    email: 'manager@demo.test',
    path: '/brand',
    nav: ['nav-dashboard'],
    hidden: ['nav-users', 'nav-audit'],
  },
  {
    email: 'brand@demo.test',
    path: '/brand',
    nav: ['nav-dashboard'],
    hidden: ['nav-users', 'nav-audit'],
  },
  {
    email: 'admin@demo.test',
    path: '/brand',
    nav: ['nav-dashboard', 'nav-users', 'nav-audit'],
    hidden: [],
  },
];

describe('signing in', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it.each(HOMES)(
    '$email lands on $path with its navigation',
    async ({ email, path, nav, hidden }) => {
      const { context, page } = await newPage(browser);
      await signIn(page, email);
      await page.waitForURL((url) => url.pathname === path);
      await page.getByTestId('page-title').first().waitFor();
      for (const item of nav)
        expect(await page.getByTestId(item).isVisible()).toBe(true);
      for (const item of hidden)
        expect(await page.getByTestId(item).count()).toBe(0);
      await context.close();
    },
  );

  it('shows a wrong password on the form and stays on the sign-in page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'brand@demo.test', 'not-the-password');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toMatch(
      /incorrect/i,
    );
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('keeps the session across a reload and ends it on sign-out', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await page.reload();
    await page.getByTestId('page-title').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/advocate');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/advocate');
    await page.waitForURL((url) => url.pathname === '/login');
    await context.close();
  });

  it('sends an advocate away from the brand area', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await page.goto('/brand/admin/audit');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await context.close();
  });
});
