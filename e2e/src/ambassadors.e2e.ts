import { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

async function openInsiders(page: Page): Promise<void> {
  await page.getByTestId('nav-ambassador').click();
  await page.getByTestId('ambassador-programmes').waitFor();
  await page
    .getByTestId('ambassador-programmes')
    .locator('li', { hasText: 'Insiders' })
    .getByTestId('ambassador-open')
    .click();
}

describe('ambassador programme', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the public apply page, checks answers instantly and refuses an unqualified visitor kindly', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/ambassadors/insiders');
    expect(await page.getByTestId('page-title').innerText()).toBe('Insiders');
    expect(await page.getByTestId('public-requirements').innerText()).toContain(
      'At least 1 successful referral',
    );
    await page.getByTestId('public-submit').click();
    await page.getByTestId('public-apply-error').waitFor();
    await page
      .getByText('Why would you like to be an Insider? is required.')
      .waitFor();

    await page.getByTestId('public-name').fill('Vic Visitor');
    await page
      .getByTestId('public-email')
      .fill(`visitor-${Date.now()}@example.com`);
    await page.getByTestId('answer-why').fill('I tell everyone about you.');
    await page.getByRole('checkbox', { name: 'Instagram' }).check();
    await page.getByTestId('answer-consent').locator('input').check();
    await page.getByTestId('public-submit').click();
    await page
      .getByTestId('public-apply-error')
      .filter({ hasText: 'We could not accept this application' })
      .waitFor();
    await context.close();
  });

  it('lets the demo advocate save a draft, come back to it and submit', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await openInsiders(page);
    await page.getByTestId('ambassador-form').waitFor();
    await page
      .getByTestId('answer-why')
      .fill('Six friends joined because of me.');
    await page.getByTestId('draft-saved').waitFor();

    await page.reload();
    await page.getByTestId('ambassador-form').waitFor();
    expect(await page.getByTestId('answer-why').inputValue()).toBe(
      'Six friends joined because of me.',
    );
    await page.getByTestId('submit-application').click();
    await page
      .getByText('Where do you talk about products you love? is required.')
      .waitFor();
    await page.getByRole('checkbox', { name: 'Instagram' }).check();
    await page.getByTestId('answer-consent').locator('input').check();
    await page.getByTestId('submit-application').click();
    expect(await page.getByTestId('application-state').innerText()).toBe(
      'Received',
    );

    await page.getByTestId('notifications-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: 'We received your application to Insiders' })
      .waitFor();
    await context.close();
  });

  it('lets a manager review with the keyboard and approve, and shows the funnel', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-ambassadors').click();
    await page
      .getByTestId('ambassador-programme-card')
      .filter({ hasText: 'Insiders' })
      .click();
    const rows = page.getByTestId('review-row');
    await rows.first().waitFor();
    await page.waitForLoadState('networkidle');
    // Waits for the selection to move there (the page renders after the key press).
    const selected = (n: number) =>
      page
        .locator(
          `[data-testid="review-row"]:nth-child(${n})[aria-selected="true"]`,
        )
        .waitFor();
    await selected(1);
    await page.keyboard.press('j');
    await selected(2);
    await page.keyboard.press('k');
    await selected(1);

    await rows.filter({ hasText: 'Ada Advocate' }).click();
    await page
      .getByTestId('application-detail')
      .filter({ hasText: 'Ada Advocate' })
      .waitFor();
    await page.keyboard.press('a');
    expect(
      await page.getByTestId('decision-message-input').inputValue(),
    ).toContain('Welcome aboard, Ada');
    await page.getByTestId('decision-confirm').click();
    await page.getByText('Ada Advocate: approved.').waitFor();
    await rows
      .filter({ hasText: 'Ada Advocate' })
      .waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Funnel' }).click();
    const visited = Number(
      await page.getByTestId('funnel-visited').innerText(),
    );
    const approved = Number(
      await page.getByTestId('funnel-approved').innerText(),
    );
    expect(visited).toBeGreaterThan(approved);
    expect(approved).toBeGreaterThanOrEqual(5);
    await context.close();
  });

  it('welcomes the new ambassador with perks and training', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await openInsiders(page);
    await page.getByTestId('ambassador-welcome').waitFor();
    const codePerk = page.locator('li.perk', { hasText: '25% off' });
    await codePerk.getByTestId('perk-claim').click();
    expect(await codePerk.getByTestId('perk-code').innerText()).toMatch(
      /^INSIDER-/,
    );

    await page.getByText('Welcome to Insiders').click();
    await page.getByTestId('module-complete').first().click();
    await page.getByText('Training · 1 of 3 done').waitFor();

    await page.getByTestId('notifications-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: "You're in: welcome to Insiders!" })
      .waitFor();
    await context.close();
  });
});
