import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn } from '../support/browser';

describe('surveys, customers and imports', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'advocacy-e2e-'));
  });

  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the advocate answer the survey card on their home page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.waitForURL((url) => url.pathname === '/advocate');
    await page.getByTestId('survey-card').waitFor();
    await page.getByTestId('score-9').click();
    expect(await page.getByTestId('survey-follow-up').innerText()).toBe(
      'What do you love most about us?',
    );
    await page.getByTestId('survey-comment').fill('The people are lovely.');
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-card-thanks').waitFor();

    await page.reload();
    await page.getByTestId('page-title').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('survey-card').count()).toBe(0);
    await context.close();
  });

  it('lets a brand user search customers and read one customer’s NPS history', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'brand@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-table').waitFor();
    // Highest last score first, so the first row has answered a survey.
    await page.getByRole('button', { name: /Last score/ }).click();
    await page.waitForLoadState('networkidle');
    const email = (
      await page
        .getByTestId('customer-row')
        .first()
        .locator('.email')
        .innerText()
    ).trim();
    await page.getByTestId('customers-search').fill(email);
    await page.waitForFunction((wanted) => {
      const rows = document.querySelectorAll('[data-testid="customer-row"]');
      return rows.length === 1 && rows[0].textContent?.includes(wanted);
    }, email);
    await page.getByTestId('customer-link').click();
    await page.getByTestId('nps-history').waitFor();
    expect(
      await page.getByTestId('customer-answer-row').count(),
    ).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="nps-history"] canvas').count(),
    ).toBe(1);
    await context.close();
  });

  it('lets a manager import responses and download the report of a refused row', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'manager@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-surveys').click();
    const row = page
      .getByTestId('survey-row')
      .filter({ hasText: 'Relationship NPS' });
    const surveyId = (await row.getByTestId('survey-id').innerText()).trim();

    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const run = Date.now();
    const file = join(dir, 'responses.csv');
    writeFileSync(
      file,
      [
        'survey_id,score,responded_at,customer_email,external_id,comment',
        `${surveyId},8,${day},advocate@demo.test,e2e-${run}-1,Pretty good`,
        `${surveyId},42,${day},advocate@demo.test,e2e-${run}-2,Out of range`,
      ].join('\n'),
    );

    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-kind-responses').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-progress').waitFor();
    await page
      .getByTestId('import-status')
      .filter({ hasText: 'Completed' })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-inserted').innerText()).toBe('1');
    expect(await page.getByTestId('import-errors').innerText()).toBe('1');

    const download = page.waitForEvent('download');
    await page.getByTestId('import-error-report').click();
    const report = await download;
    const path = await report.path();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('row,column,reason');
    expect(text).toContain('score');
    await context.close();
  });
});
