// Offline: once the catalog has loaded, its service worker serves it with no network at all,
// including addresses carrying view state; and it serves nothing else, so the rest of a site
// deployed beside it stays the network's. Runs against the release build in dist/.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, hostSite, openCatalog, shownIds, statusText, waitFor } from './harness.mjs';

const suite = catalogSuite({ before, after, beforeEach, afterEach });

/** Waits until the service worker controls the page, i.e. the app shell is cached. */
async function controlled(page) {
  await waitFor(() => page.evaluate(() => navigator.serviceWorker?.controller !== null), {
    timeout: 10000,
    message: 'the service worker to control the page',
  });
}

test('reloads offline with all talks, and search still works', async () => {
  const { page, context } = suite.session;
  await controlled(page);
  const online = await shownIds(page);
  assert.equal(online.length, 20);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-ready] article[data-talk-id]');
  assert.deepEqual(await shownIds(page), online, 'the same 20 talks, from the cache');

  await page.getByRole('searchbox', { name: /search/i }).fill('hessian');
  await waitFor(async () => (await shownIds(page)).length < 20, { message: 'the search to narrow offline' });
  assert.equal((await shownIds(page))[0], 'udell-hessian');
  assert.match(await statusText(page), /of 20 talks/);
  assert.deepEqual(suite.session.errors, []);
});

test('an address with view state opens offline too', async () => {
  const { page, context } = suite.session;
  await controlled(page);
  await context.setOffline(true);
  await page.goto(new URL('?tc-q=velickovic&lang=fr', suite.server.url).href);
  await page.waitForSelector('[data-ready] article[data-talk-id]');
  assert.deepEqual(await shownIds(page), ['velickovic-competitive-programming']);
  assert.deepEqual(suite.session.errors, []);
});

test('the cache is named after the build, and holds every file of it', async () => {
  const { page } = suite.session;
  await controlled(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((request) => new URL(request.url).pathname) };
  });
  assert.equal(cached.names.length, 1);
  assert.match(cached.names[0], /^talk-catalog-[0-9a-f]{16}$/);
  for (const file of ['/', '/index.html', '/start.js']) assert.ok(cached.urls.includes(file), `${file} in ${cached.urls}`);
  assert.ok(cached.urls.some((url) => url.endsWith('_bg.wasm')), 'the wasm is cached');
});

test("the worker answers only for the catalog's page: the site's other pages and files are the network's", async () => {
  // dist/ deployed at a site root, beside the site's own page and a plain file.
  const site = await hostSite(
    {
      'other.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Other</title></head><body><h1>Another page</h1></body></html>',
      'notes.txt': 'Plain notes.\n',
    },
    '',
  );
  const session = await openCatalog(suite.browser, site.url);
  try {
    const { page, context } = session;
    await controlled(page);
    const shows = async (path, text) => {
      await page.goto(new URL(path, site.url).href);
      assert.equal(await page.locator('article[data-talk-id]').count(), 0, `the catalog answered for ${path}`);
      assert.equal(await page.evaluate(() => document.body.innerText.trim()), text);
    };
    await shows('other.html', 'Another page');
    await shows('notes.txt?x=1', 'Plain notes.');

    await context.setOffline(true);
    for (const path of ['other.html', 'notes.txt']) {
      // A network error, not the catalog from the cache. Each in a page of its own: a failed
      // navigation's error page commits afterwards and would cut into the next navigation.
      const probe = await context.newPage();
      await assert.rejects(probe.goto(new URL(path, site.url).href), /ERR_INTERNET_DISCONNECTED/, path);
      assert.equal(await probe.locator('article[data-talk-id]').count(), 0, path);
      await probe.close();
    }
    // The catalog's own page, with any query, still opens offline.
    for (const path of ['?tc-q=velickovic', 'index.html?tc-q=velickovic&lang=fr']) {
      await page.goto(new URL(path, site.url).href);
      await page.waitForSelector('[data-ready] article[data-talk-id]');
      assert.deepEqual(await shownIds(page), ['velickovic-competitive-programming'], path);
    }
    // The plain file, without an icon link, had the browser ask for the site's /favicon.ico,
    // which it doesn't have.
    const expected = (text) => /\/favicon\.ico\)$/.test(text);
    assert.deepEqual(session.errors.filter((text) => !expected(text)), []);
  } finally {
    await session.close();
    await site.close();
  }
});
