// Pre-rendering: the release build's index.html already holds the whole catalog as HTML, so
// readers without JavaScript get every talk, and with JavaScript the talks are painted before
// the wasm has loaded and stay in place when the app takes over. fragment.html gives embedding
// pages the same.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FRAGMENT, hostSite, launch, shownIds } from './harness.mjs';
import { assertSeedText, talkLines } from './dom.mjs';

let site;
let browser;

before(async () => {
  // dist/ under /talks/, beside a host page that pastes fragment.html into its host element.
  const fragment = await readFile(FRAGMENT, 'utf8');
  site = await hostSite({
    'host.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head>
<body><h1>Our conference</h1><div id="talk-catalog">${fragment}</div><script type="module" src="/talks/embed.js"></script></body></html>`,
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

/** Where the first talks, the header and the filters are on screen. */
function boxes(page) {
  return page.evaluate(() =>
    ['.tc-header', '.tc-filters', ...[1, 2, 3, 4, 5].map((n) => `.tc-list > li:nth-child(${n}) article`)].map(
      (selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return [selector, box.x, box.y, box.width, box.height];
      },
    ),
  );
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

for (const [name, path] of [
  ['the standalone page', '/talks/'],
  ['a host page with the pre-rendered fragment', '/host.html'],
]) {
  test(`${name} shows the talks before the wasm loads, and nothing moves when the app takes over`, async () => {
    const { page, messages, release, close } = await openHeld(path);
    try {
      await page.locator('article[data-talk-id]').first().waitFor();
      assert.equal((await shownIds(page)).length, 20);
      assert.equal(await page.locator('article[data-talk-id]').first().isVisible(), true);
      assert.equal(await page.locator('[data-ready]').count(), 0, 'the app has not started yet');
      const before = await boxes(page);

      release();
      await page.waitForSelector('[data-ready] article[data-talk-id]');
      assert.equal((await shownIds(page)).length, 20);
      assert.deepEqual(await boxes(page), before);
      // The app works: typing filters.
      await page.locator('input[type="search"]').fill('hessian');
      await page.waitForFunction(() => document.querySelectorAll('article[data-talk-id]').length < 20);
      // (Chromium warns about Trunk's preload integrity attribute and the blocked service worker.)
      const problems = messages.filter((text) => /^(error|pageerror)/.test(text) || /hydrat/i.test(text));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
