import { Browser } from 'playwright-core';
import sharp from 'sharp';
import { baseUrl, launchBrowser, newPage, signIn } from '../support/browser';

/** Stable names from the demo seed (api/src/app/seed/demo-ugc.ts). */
const SHOWCASE = '/showcase/loved-by-tea-people';
const LINK = '/t/demo-tea-ritual-stories';

describe('UGC and testimonials', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('takes an advocate’s story with a photo, and the brand approves it', async () => {
    const words = `Brewed the new oolong twice today ${Date.now()}`;
    const photo = await sharp({
      create: { width: 120, height: 90, channels: 3, background: '#6b8e23' },
    })
      .jpeg()
      .toBuffer();

    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.getByTestId('nav-my-ugc').click();
    await page
      .getByTestId('ugc-campaign-card')
      .filter({ hasText: 'Your tea ritual' })
      .getByTestId('ugc-start')
      .click();
    await page.getByTestId('ugc-star-4').click();
    await page.getByTestId('ugc-text').fill(words);
    await page.getByTestId('ugc-images').setInputFiles({
      name: 'cup.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.getByTestId('ugc-disclosure-note').waitFor();
    await page.getByTestId('ugc-submit').click();
    const mine = page.getByTestId('ugc-mine-item').filter({ hasText: words });
    await mine.filter({ hasText: 'Waiting for review' }).waitFor();
    expect(await mine.locator('img').count()).toBe(1);
    await context.close();

    const brand = await newPage(browser);
    await signIn(brand.page, 'brand@demo.test');
    await brand.page.waitForURL((url) => url.pathname === '/brand');
    await brand.page.getByTestId('nav-ugc').click();
    const item = brand.page
      .getByTestId('ugc-queue-item')
      .filter({ hasText: words });
    await item.getByTestId('ugc-approve').click();
    await item.waitFor({ state: 'detached' });
    await brand.context.close();

    const again = await newPage(browser);
    await signIn(again.page, 'advocate@demo.test');
    await again.page.getByTestId('nav-my-ugc').click();
    await again.page
      .getByTestId('ugc-mine-item')
      .filter({ hasText: words })
      .filter({ hasText: 'Approved' })
      .waitFor();
    await again.context.close();
  });

  it('lets the brand pick highlighted words as the excerpt, never new ones', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'brand@demo.test');
    await page.waitForURL((url) => url.pathname === '/brand');
    await page.getByTestId('nav-ugc').click();
    const item = page
      .getByTestId('ugc-queue-item')
      .filter({ hasText: 'The new sampler box arrived in two days' });
    const quote = item.getByTestId('ugc-quote');
    await quote.evaluate((element) => {
      const words = element.firstChild as Text;
      const start = (words.textContent ?? '').indexOf('arrived in two days');
      const range = document.createRange();
      range.setStart(words, start);
      range.setEnd(words, start + 'arrived in two days'.length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await item
      .getByRole('button', { name: 'Use highlighted words as the excerpt' })
      .click();
    await item.getByText('Shown as: “arrived in two days”').waitFor();
    expect(await quote.textContent()).toContain(
      'The new sampler box arrived in two days, well packed.',
    );
    await context.close();
  });

  it('shows the public showcase with its markup, and a withdrawal removes the story', async () => {
    const quote = 'It has become the calmest part of my week';
    const visitor = await newPage(browser);
    await visitor.page.goto(SHOWCASE);
    await visitor.page
      .getByTestId('showcase-item')
      .filter({ hasText: quote })
      .waitFor();
    await visitor.page.getByTestId('showcase-aggregate').waitFor();
    const jsonLd = await visitor.page
      .locator('script[type="application/ld+json"]')
      .textContent();
    expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({
      '@type': 'Product',
      aggregateRating: { '@type': 'AggregateRating' },
    });
    expect(
      await visitor.page.locator('img[loading="lazy"]').count(),
    ).toBeGreaterThan(0);

    const { context, page } = await newPage(browser);
    await signIn(page, 'advocate@demo.test');
    await page.getByTestId('nav-my-ugc').click();
    const featured = page
      .getByTestId('ugc-mine-item')
      .filter({ hasText: 'calmest part of my week' });
    await featured.getByTestId('ugc-revoke').click();
    await page.getByTestId('confirm-ok').click();
    await featured.getByTestId('ugc-revoked').waitFor();
    await context.close();

    // A new visitor (caches may keep the page up to the promised minute).
    const later = await newPage(browser);
    await later.page.goto(SHOWCASE);
    await later.page.getByTestId('showcase-item').first().waitFor();
    expect(
      await later.page
        .getByTestId('showcase-item')
        .filter({ hasText: quote })
        .count(),
    ).toBe(0);
    await later.context.close();
    await visitor.context.close();
  });

  it('renders the widget on another site from one script tag, without an iframe', async () => {
    const { context, page } = await newPage(browser);
    // about:blank is another origin: the feed's open CORS and the widget's own origin detection are what make this work.
    await page.setContent(
      `<h1>Tea shop</h1><script src="${baseUrl()}/api/v1/ugc/embed/showcase.js"></script>` +
        '<advocacy-showcase showcase="loved-by-tea-people" limit="4"></advocacy-showcase>',
    );
    const cards = page.locator('advocacy-showcase article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(4);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(
      await page.locator('advocacy-showcase img[loading="lazy"]').count(),
    ).toBeGreaterThan(0);
    await context.close();
  });

  it('takes a testimonial through the public link without an account', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(LINK);
    await page
      .getByTestId('page-title')
      .filter({ hasText: 'Your tea ritual' })
      .waitFor();
    await page.getByTestId('ugc-text').fill('<b>bold</b> claims');
    await page.getByTestId('ugc-name').fill('Pat Visitor');
    await page.getByTestId('ugc-email').fill('pat.visitor@example.com');
    await page.getByTestId('ugc-submit').click();
    await page
      .getByText('Must be plain text, without HTML or scripts.')
      .waitFor();
    await page.getByTestId('ugc-text').fill('Lovely shop, friendly people.');
    await page.getByTestId('ugc-submit').click();
    await page.getByTestId('testimonial-thanks').waitFor();
    await context.close();
  });
});
