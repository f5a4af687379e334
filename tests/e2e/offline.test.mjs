// Offline: once the catalog has loaded, its service worker serves it with no network at all,
// including addresses carrying view state. Runs against the release build in dist/.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, shownIds, statusText, waitFor } from './harness.mjs';

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
  for (const file of ['/', '/index.html']) assert.ok(cached.urls.includes(file), `${file} in ${cached.urls}`);
  assert.ok(cached.urls.some((url) => url.endsWith('_bg.wasm')), 'the wasm is cached');
});
