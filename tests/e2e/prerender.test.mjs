// Pre-rendering: the release build's index.html already holds the whole catalog as HTML, so
// readers without JavaScript get every talk, and with JavaScript the talks are painted before
// the wasm has loaded and stay in place when the app takes over. fragment.html gives embedding
// pages the same, and the app takes over there only once its stylesheet applies, so a slow
// stylesheet doesn't make the talks jump either.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { DIST, FRAGMENT, hostSite, launch, settle, shownIds } from './harness.mjs';
import { assertSeedText, talkLines } from './dom.mjs';

let site;
let browser;

before(async () => {
  // dist/ under /talks/, beside a host page that pastes fragment.html into its host element.
  const fragment = await readFile(FRAGMENT, 'utf8');
  const stylesheet = (await readdir(DIST)).find((name) => /^catalog-.*\.css$/.test(name));
  const host = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>${head}</head>
<body><h1>Our conference</h1><div id="talk-catalog">${fragment}</div><script type="module" src="/talks/embed.js"></script></body></html>`;
  site = await hostSite({
    'host.html': host(''),
    // A host that links the widget's stylesheet itself (say to have it early): no second copy.
    'host-linked.html': host(`<link rel="stylesheet" href="/talks/${stylesheet}">`),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens `path` with the wasm held back until `release()` is called, recording console output. */
async function openHeld(path) {
  // No service worker: its own fetches would bypass the held route.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(new URL(path, site.url).href, { waitUntil: 'domcontentloaded' });
  return { page, messages, release, close: () => context.close() };
}

/** In the page: where the first talks, the header and the filters are on screen. */
function layoutBoxes() {
  return ['.tc-header', '.tc-filters', ...[1, 2, 3, 4, 5].map((n) => `.tc-list > li:nth-child(${n}) article`)].map(
    (selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return [selector, box.x, box.y, box.width, box.height];
    },
  );
}

/** Where the first talks, the header and the filters are on screen. */
function boxes(page) {
  return page.evaluate(layoutBoxes);
}

/**
 * In the page, from before its first script: records in `window.__seen` the boxes when the
 * widget's stylesheet has loaded (`styled`, with whether the app had taken over by then) and
 * when the app marks its host ready (`ready`).
 */
function watchTakeover(layoutBoxes) {
  const seen = (window.__seen = {});
  // Every card laid out in full (like widgetLayout in embed.test.mjs): a box read before a frame
  // has decided which cards are on screen would otherwise see placeholder heights
  // (`content-visibility: auto`), not what is painted.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.tc-list > li { content-visibility: visible !important; }');
  document.adoptedStyleSheets = [sheet];
  // A capturing listener runs before the embed's own listener on the link.
  document.addEventListener(
    'load',
    (event) => {
      if (!seen.styled && event.target.matches?.('link[rel="stylesheet"][href*="catalog-"]')) {
        seen.styled = { ready: document.querySelector('[data-ready]') !== null, boxes: layoutBoxes() };
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (!seen.ready && document.querySelector('[data-ready]')) seen.ready = layoutBoxes();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** Asserts that the app works (typing filters) and that nothing was reported as an error. */
async function assertWorks(page, messages) {
  await page.locator('input[type="search"]').fill('hessian');
  await page.waitForFunction(() => document.querySelectorAll('article[data-talk-id]').length < 20);
  // (Chromium warns about Trunk's preload integrity attribute and the blocked service worker.)
  const problems = messages.filter((text) => /^(error|pageerror)/.test(text) || /hydrat/i.test(text));
  assert.deepEqual(problems, []);
}

/** The page has the widget's stylesheet linked once. */
async function assertOneStylesheet(page) {
  assert.equal(await page.locator('link[rel="stylesheet"][href*="catalog-"]').count(), 1, 'the stylesheet is linked once');
}

test('without JavaScript all 20 talks are readable, with their abstracts and bios', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/talks/', site.url).href);
    assert.equal(await page.locator('article[data-talk-id]').count(), 20);
    await assertSeedText(await talkLines(page, { visible: true }));
    // Controls that need the app are hidden; the filters are plain lists with counts.
    assert.equal(await page.locator('input[type="search"]').isVisible(), false);
    assert.equal(await page.locator('button.tc-toggle').first().isVisible(), false);
    assert.equal(await page.locator('.tc-facet input').first().isVisible(), false);
    assert.match(await page.locator('.tc-facet label').first().innerText(), /\(\d+\)$/);
  } finally {
    await context.close();
  }
});

const PAGES = [
  ['the standalone page', '/talks/'],
  ['a host page with the pre-rendered fragment', '/host.html'],
  ['a host page with the fragment that links the stylesheet itself', '/host-linked.html'],
];

for (const [name, path] of PAGES) {
  test(`${name} shows the talks before the wasm loads, and nothing moves when the app takes over`, async () => {
    const { page, messages, release, close } = await openHeld(path);
    try {
      await page.locator('article[data-talk-id]').first().waitFor();
      assert.equal((await shownIds(page)).length, 20);
      assert.equal(await page.locator('article[data-talk-id]').first().isVisible(), true);
      // Measured once the widget's stylesheet applies (a host page's embed.js adds it).
      await page.waitForFunction(() => [...document.styleSheets].some((sheet) => /\/catalog-[^/]*\.css$/.test(sheet.href ?? '')));
      await settle(page);
      assert.equal(await page.locator('[data-ready]').count(), 0, 'the app has not started yet');
      const before = await boxes(page);

      release();
      await page.waitForSelector('[data-ready] article[data-talk-id]');
      assert.equal((await shownIds(page)).length, 20);
      assert.deepEqual(await boxes(page), before);
      await assertOneStylesheet(page);
      await assertWorks(page, messages);
    } finally {
      await close();
    }
  });
}

// The standalone page links the stylesheet in its head, where it blocks rendering: nothing is
// painted without it. A host page's fragment is painted at once, unstyled until embed.js's
// stylesheet arrives, and the app must not take over before.
for (const [name, path] of PAGES.filter(([, path]) => path !== '/talks/')) {
  test(`${name}: with a slow stylesheet, the app takes over once it applies, and nothing moves`, async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      const messages = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      await page.addInitScript({ content: `(${watchTakeover})(${layoutBoxes})` });
      // The stylesheet arrives a second late; the wasm comes as fast as it can.
      await page.route(/\/catalog-[^/]*\.css$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await page.goto(new URL(path, site.url).href, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('[data-ready] article[data-talk-id]');
      await page.waitForFunction(() => window.__seen.styled !== undefined);
      await settle(page);
      const [after, seen, adopted] = await Promise.all([
        boxes(page),
        page.evaluate(() => window.__seen),
        page.evaluate(() => getComputedStyle(document.querySelector('.tc-list > li')).contentVisibility),
      ]);
      assert.equal(adopted, 'visible', 'every card is laid out in full');
      // The app's first layout is its last: nothing jumps when the stylesheet arrives.
      assert.deepEqual(seen.ready, after, 'the talks moved after the app took over');
      assert.equal(seen.styled.ready, false, 'the app took over before its stylesheet applied');
      // The styled pre-rendered talks, just before the app takes over, are where the app puts them.
      assert.deepEqual(seen.styled.boxes, after);
      await assertOneStylesheet(page);
      await assertWorks(page, messages);
    } finally {
      await context.close();
    }
  });
}

test('a host page whose stylesheet fails to load still gets the app', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.route(/\/catalog-[^/]*\.css$/, (route) => route.abort());
    await page.goto(new URL('/host.html', site.url).href, { waitUntil: 'domcontentloaded' });
    // Waiting for the stylesheet ends with its error: the app starts anyway, unstyled.
    await page.waitForSelector('[data-ready] article[data-talk-id]');
    assert.equal((await shownIds(page)).length, 20);
  } finally {
    await context.close();
  }
});
