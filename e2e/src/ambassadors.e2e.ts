import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPage, signIn } from '../support/browser';
import { readState } from '../support/state';

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

  it("confirms a public applicant's email from the emailed link, once", async () => {
    const db = new Client({ connectionString: readState().databaseUrl });
    await db.connect();
    // Someone the programme accepts (a qualified referral) who has no account and never applied.
    const [applicant] = (
      await db.query<{ email: string }>(
        `SELECT c.email FROM customers c
          WHERE EXISTS (SELECT 1 FROM referrals r WHERE r.referrer_customer_id = c.id AND r.status = 'qualified')
            AND NOT EXISTS (SELECT 1 FROM users u WHERE u.customer_id = c.id)
            AND NOT EXISTS (SELECT 1 FROM ambassador_applications a WHERE a.customer_id = c.id)
          ORDER BY c.email LIMIT 1`,
      )
    ).rows;
    expect(applicant).toBeDefined();
    const email = applicant.email.toLowerCase();

    const applied = await fetch(
      `${baseUrl()}/api/v1/public/ambassador-programmes/insiders/applications`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email,
          name: 'Pat Public',
          answers: {
            why: 'I tell everyone about you.',
            channels: ['Instagram'],
            consent: true,
          },
        }),
      },
    );
    // The body is in the comparison so a refusal shows its reason.
    expect({ status: applied.status, body: await applied.text() }).toEqual({
      status: 201,
      body: expect.stringContaining('Insiders'),
    });

    // The emailed token is only ever stored hashed, so the test sets one it knows.
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    const updated = await db.query(
      `UPDATE ambassador_applications SET email_token_hash = $1, email_token_sent_at = now()
        WHERE customer_id = (SELECT id FROM customers WHERE email = $2)
          AND programme_id = (SELECT id FROM ambassador_programmes WHERE slug = 'insiders')`,
      [hash, email],
    );
    expect(updated.rowCount).toBe(1);

    const { context, page } = await newPage(browser);
    await page.goto(`/ambassadors/confirm/${token}`);
    const success = page.getByTestId('confirm-success');
    await success.waitFor();
    expect(await success.innerText()).toContain('Insiders');
    expect(
      await page.getByTestId('confirm-programme-link').getAttribute('href'),
    ).toBe('/ambassadors/insiders');
    const [confirmed] = (
      await db.query<{ email_confirmed_at: Date | null }>(
        `SELECT email_confirmed_at FROM ambassador_applications
          WHERE customer_id = (SELECT id FROM customers WHERE email = $1)`,
        [email],
      )
    ).rows;
    expect(confirmed.email_confirmed_at).not.toBeNull();

    await page.goto(`/ambassadors/confirm/${token}`);
    await page.getByTestId('confirm-already').waitFor();
    expect(await page.getByTestId('confirm-success').count()).toBe(0);

    await page.goto('/ambassadors/confirm/not-a-real-token-000000000000');
    await page.getByTestId('confirm-error').waitFor();
    expect(await page.getByTestId('confirm-programme-link').count()).toBe(0);
    await db.end();
    await context.close();
  });
});
