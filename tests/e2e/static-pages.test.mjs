// Readers without JavaScript and crawlers reach every talk: beyond one page of talks, the
// pre-rendered page links static pages of the rest (pages/2.html, …), each with every abstract
// in full and links to the others. Paged 8 at a time, so the 20 seed talks make three pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FRAGMENT, launch } from './harness.mjs';
import { PAGE_SIZE, pagedSite } from './static-site.mjs';

let site;
let browser;
/** Every talk id in programme order (from the pre-rendered fragment, one page of 50). */
let programme;

before(async () => {
  site = await pagedSite();
  programme = [...(await readFile(FRAGMENT, 'utf8')).matchAll(/data-talk-id="([^"]+)"/g)].map((m) => m[1]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs `body(page)` in a fresh browser context with `options`, closed afterwards. */
async function inPage(options, body) {
  const context = await browser.newContext(options);
  try {
    await body(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Clicks `link` and waits until the page it leads to has loaded (a click doesn't wait for it). */
async function clickThrough(page, link) {
  const from = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== from);
}

test('without JavaScript, "Next" links lead through every talk, each shown in full', async () => {
  await inPage({ javaScriptEnabled: false }, async (page) => {
    await page.goto(site.url);
    const seen = [];
    const visited = [];
    for (;;) {
      visited.push(new URL(page.url()).pathname);
      const ids = await page.$$eval('article[data-talk-id]', (as) => as.map((a) => a.dataset.talkId));
      assert.ok(ids.length > 0 && ids.length <= PAGE_SIZE, `${ids.length} talks on ${page.url()}`);
      seen.push(...ids);
      const details = page.locator('article .tc-details');
      for (let i = 0; i < (await details.count()); i += 1) {
        assert.ok(await details.nth(i).isVisible(), `abstract ${i + 1} shown on ${page.url()}`);
      }
      const pager = page.getByRole('navigation', { name: 'Pages of talks' });
      assert.ok(await pager.isVisible(), `the pager is shown on ${page.url()}`);
      const current = pager.locator('[aria-current="page"]');
      assert.equal((await current.innerText()).trim(), String(visited.length));
      const next = pager.getByRole('link', { name: 'Next' });
      if ((await next.count()) === 0) break;
      await clickThrough(page, next);
    }
    assert.deepEqual(visited, ['/', '/pages/2.html', '/pages/3.html']);
    assert.deepEqual(seen, programme, 'every talk once, in programme order');

    // Back to the first page, and to the searchable catalog.
    await clickThrough(page, page.getByRole('navigation', { name: 'Pages of talks' }).getByRole('link', { name: '1', exact: true }));
    assert.equal(new URL(page.url()).pathname, '/');
    await page.goto(new URL('pages/2.html', site.url).href);
    await clickThrough(page, page.getByRole('link', { name: 'Search all talks' }));
    assert.equal(new URL(page.url()).pathname, '/');
  });
});

test('a static page shows no control that needs the app, with JavaScript on too', async () => {
  await inPage({}, async (page) => {
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('pages/2.html', site.url).href);
    assert.equal(await page.locator('script').count(), 0, 'no script');
    assert.equal(await page.locator('article[data-talk-id]').count(), PAGE_SIZE);
    const visibleButtons = await page.locator('.tc button').evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).length);
    assert.equal(visibleButtons, 0, 'no button without the app behind it');
    assert.ok(await page.locator('article .tc-details').first().isVisible());
    // The stylesheets load from the build, one folder up: the cards are styled.
    const border = await page.locator('article.tc-talk').first().evaluate((a) => getComputedStyle(a).borderTopStyle);
    assert.equal(border, 'solid');
    // The build's icon too, or browsers ask for a /favicon.ico the build doesn't have.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.equal((await page.request.get(new URL(icon, page.url()).href)).status(), 200, 'the icon, one folder up');
    assert.deepEqual(errors, []);
  });
});

test('with JavaScript the app takes over and the static pager goes', async () => {
  await inPage({}, async (page) => {
    await page.goto(site.url);
    await page.waitForSelector('[data-ready] article[data-talk-id]');
    assert.equal(await page.getByRole('navigation', { name: 'Pages of talks' }).count(), 0);
  });
});
