// What people do in sequence, across features, where defects hide between them: star a talk,
// open another, go Back; open someone's shared favourites and star; follow a link inside the
// widget on a host page with its own address; copy a link where the clipboard is missing or
// refuses; type an operator after a word. Against the release build in dist/, in Chromium.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, hostSite, openCatalog, settle, shownIds, stableIds, startServer, waitFor } from './harness.mjs';
import { article, expand, search } from './dom.mjs';

const suite = catalogSuite({ before, after, beforeEach, afterEach });
const { assertNoErrors, reopen } = suite;

const starOf = (page, id) => article(page, id).locator('button.tc-star');

/** The talk ids stored as this page's favourites, in stored order. */
function storedStars(page) {
  return page.evaluate(() =>
    (localStorage.getItem(`talk-catalog:favourites:${location.pathname}`) ?? '').split('\n').filter(Boolean),
  );
}

/** The ids whose star is pressed, among the shown talks. */
function starred(page) {
  return page.$$eval('article[data-talk-id]', (articles) =>
    articles
      .filter((a) => a.querySelector('button.tc-star')?.getAttribute('aria-pressed') === 'true')
      .map((a) => a.dataset.talkId),
  );
}

/** Opens `path` in the same page, so local storage carries over (a new context starts empty). */
async function goto(page, path) {
  await page.goto(new URL(path, suite.server.url).href);
  await page.waitForSelector('[data-ready] article[data-talk-id]');
  return page;
}

async function toggleStar(page, id) {
  const star = starOf(page, id);
  const before = await star.getAttribute('aria-pressed');
  await star.click();
  await waitFor(async () => (await star.getAttribute('aria-pressed')) !== before, { message: `${id}'s star to toggle` });
}

// Favourites ─────────────────────────────────────────────────────────────────────────────────

test('Back and Forward restore the view and never touch the stars', async () => {
  const { page } = suite.session;
  await toggleStar(page, 'udell-hessian');
  assert.deepEqual(await storedStars(page), ['udell-hessian']);
  // Opening another talk is a step in history.
  await expand(page, 'kalai-hallucinations');
  await waitFor(() => new URL(page.url()).searchParams.get('tc-talk') === 'kalai-hallucinations', {
    message: 'the opened talk in the URL',
  });

  await page.goBack();
  await waitFor(() => !new URL(page.url()).searchParams.has('tc-talk'), { message: 'Back to the plain page' });
  await waitFor(async () => (await article(page, 'kalai-hallucinations').locator('button.tc-toggle').getAttribute('aria-expanded')) === 'false', {
    message: 'Back to collapse the talk',
  });
  await settle(page);
  assert.deepEqual(await starred(page), ['udell-hessian'], 'the star is still shown after Back');
  assert.deepEqual(await storedStars(page), ['udell-hessian'], 'and still stored');

  await page.goForward();
  await waitFor(() => new URL(page.url()).searchParams.get('tc-talk') === 'kalai-hallucinations', {
    message: 'Forward to the opened talk',
  });
  await settle(page);
  assert.deepEqual(await starred(page), ['udell-hessian']);
  assert.deepEqual(await storedStars(page), ['udell-hessian']);
  assertNoErrors();
});

test("a shared favourites link is shown as someone else's list and never costs the own stars", async () => {
  const { page } = suite.session;
  await toggleStar(page, 'udell-hessian');
  await toggleStar(page, 'kalai-hallucinations');
  assert.deepEqual(await storedStars(page), ['udell-hessian', 'kalai-hallucinations']);

  await goto(page, '/?tc-fav=lee-causal-structure&tc-fav=udell-hessian&tc-favonly=1');
  assert.deepEqual(await stableIds(page, 'on the shared list'), ['udell-hessian', 'lee-causal-structure']);
  const banner = page.getByRole('region', { name: 'Shared favourites' });
  assert.match(await banner.innerText(), /someone's shared favourites \(2 talks\)/);
  assert.match(await banner.innerText(), /Your own favourites \(2 talks\) are kept/);
  // The stars are the person's own: one of the two shared talks is theirs.
  assert.deepEqual(await starred(page), ['udell-hessian']);

  // Starring a shared talk stars it for the person; the shared list stays on screen.
  await toggleStar(page, 'lee-causal-structure');
  assert.deepEqual(await storedStars(page), ['udell-hessian', 'kalai-hallucinations', 'lee-causal-structure']);
  assert.deepEqual(await stableIds(page, 'after starring'), ['udell-hessian', 'lee-causal-structure']);
  await toggleStar(page, 'lee-causal-structure');
  assert.deepEqual(await storedStars(page), ['udell-hessian', 'kalai-hallucinations']);

  // Adding the list is one explicit action.
  await banner.getByRole('button', { name: 'Add these to my favourites' }).click();
  await waitFor(async () => (await storedStars(page)).length === 3, { message: 'the shared talks to be added' });
  assert.deepEqual((await storedStars(page)).sort(), ['kalai-hallucinations', 'lee-causal-structure', 'udell-hessian']);
  await page.locator('.tc [aria-live] span', { hasText: 'Added 1 talk to your favourites' }).waitFor();
  assert.match(await banner.innerText(), /All of these are in your favourites/);

  // "Show my favourites" leaves the shared list for the person's own.
  await banner.getByRole('button', { name: 'Show my favourites' }).click();
  await waitFor(async () => (await shownIds(page)).length === 3, { message: 'the own favourites to be shown' });
  assert.equal(await banner.count(), 0);
  assertNoErrors();
});

test('two tabs of the catalog star talks without overwriting each other', async () => {
  const { page, context } = suite.session;
  const other = await context.newPage();
  try {
    await other.goto(suite.server.url);
    await other.waitForSelector('[data-ready] article[data-talk-id]');
    await toggleStar(page, 'udell-hessian');
    // The other tab loaded before that star: starring there keeps it.
    await toggleStar(other, 'kalai-hallucinations');
    assert.deepEqual(await storedStars(other), ['udell-hessian', 'kalai-hallucinations']);
    await toggleStar(page, 'udell-hessian');
    assert.deepEqual(await storedStars(page), ['kalai-hallucinations'], 'unstarring removes only that star');
  } finally {
    await other.close();
  }
  assertNoErrors();
});

test('reloading the own "favourites only" link shows the own list, not a shared one', async () => {
  const { page } = suite.session;
  await toggleStar(page, 'udell-hessian');
  await page.getByRole('checkbox', { name: /^Favourites only/ }).check();
  await waitFor(() => new URL(page.url()).searchParams.get('tc-favonly') === '1', { message: 'the URL to follow' });
  await goto(page, new URL(page.url()).search);
  assert.deepEqual(await stableIds(page), ['udell-hessian']);
  assert.equal(await page.getByRole('region', { name: 'Shared favourites' }).count(), 0);
  assertNoErrors();
});

// Links inside the widget ──────────────────────────────────────────────────────────────────────

const HOST = (attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Programme</title></head><body><main><h1>Programme</h1><div id="talk-catalog" ${attributes}></div></main>
<script type="module" src="/talks/embed.js"></script></body></html>`;

for (const [name, attributes] of [
  ['with URL sync', ''],
  ['with data-url-sync="false"', 'data-url-sync="false"'],
]) {
  test(`links to other talks keep the host page's address and open the talk in place (${name})`, async () => {
    const site = await hostSite({ 'page.html': HOST(attributes) });
    const address = new URL('page.html?id=7#programme', site.url).href;
    const session = await openCatalog(suite.browser, address);
    try {
      const { page } = session;
      await expand(page, 'kalai-hallucinations');
      const links = article(page, 'kalai-hallucinations').locator('.tc-more a');
      assert.ok((await links.count()) > 0, 'related talks are linked');
      for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) {
        const url = new URL(href);
        assert.equal(`${url.origin}${url.pathname}`, new URL('page.html', site.url).href, href);
        assert.equal(url.searchParams.get('id'), '7', `the host's own parameter stays: ${href}`);
        assert.ok(url.searchParams.get('tc-talk'), href);
        assert.equal(url.hash, '#programme', href);
      }
      const target = await links.first().evaluate((a) => new URL(a.href).searchParams.get('tc-talk'));
      const before = page.url();
      await links.first().click();
      await waitFor(async () => (await article(page, target).locator('button.tc-toggle').getAttribute('aria-expanded')) === 'true', {
        message: 'the linked talk to open in place',
      });
      await waitFor(() => page.evaluate((id) => document.activeElement?.id === `tc-title-${id}`, target), {
        message: 'focus on the linked talk',
      });
      const after = new URL(page.url());
      assert.equal(after.searchParams.get('id'), '7');
      assert.equal(after.hash, '#programme');
      if (attributes) assert.equal(page.url(), before, 'without URL sync the address stays as it was');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
      await site.close();
    }
  });
}

// Copy link ────────────────────────────────────────────────────────────────────────────────────

for (const [name, script] of [
  ['there is no navigator.clipboard', () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true })],
  [
    'the clipboard refuses',
    () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  ],
]) {
  test(`"Copy link" says so and selects the link for copying when ${name}`, async () => {
    const page = await reopen('/', { beforeLoad: (context) => context.addInitScript(script) });
    await expand(page, 'kalai-hallucinations');
    await article(page, 'kalai-hallucinations').getByRole('button', { name: 'Copy link' }).click();
    const field = article(page, 'kalai-hallucinations').getByRole('textbox', { name: 'Link to this talk' });
    await field.waitFor();
    const url = new URL(await field.inputValue());
    assert.equal(url.searchParams.get('tc-talk'), 'kalai-hallucinations');
    assert.ok(await field.evaluate((input) => input.readOnly), 'read-only');
    assert.ok(
      await field.evaluate((input) => document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length),
      'focused, with the whole link selected',
    );
    await page.locator('.tc [aria-live] span', { hasText: /^Could not copy the link/ }).waitFor();
    assert.equal(await page.locator('.tc [aria-live] span', { hasText: 'Link copied' }).count(), 0);
    // Pressing it again selects the link again.
    await article(page, 'kalai-hallucinations').getByRole('button', { name: 'Copy link' }).click();
    await waitFor(() => field.evaluate((input) => document.activeElement === input && input.selectionEnd === input.value.length), {
      message: 'the link selected again',
    });
    assertNoErrors();
  });
}

// Typing ───────────────────────────────────────────────────────────────────────────────────────

test('typing an operator after a word leaves that word as it was', async () => {
  const { page } = suite.session;
  const finished = await search(page, 'deep ');
  assert.ok(finished.length > 0 && finished.length < (await search(page, 'deep')).length, 'a finished word matches fewer than its prefix');
  for (const typed of ['deep -', 'deep speaker:', 'deep "', 'deep title:"', 'deep -"']) {
    assert.deepEqual(await search(page, typed), finished, typed);
  }
  assertNoErrors();
});

/**
 * Runs `body(page)` on a page of the app whose wasm is held back 1.5 s, so the reader can type
 * into the pre-rendered box before the app takes over.
 */
async function whileAppLoads(body) {
  const slow = await startServer(undefined, { delay: (path) => (path.endsWith('.wasm') ? 1500 : 0) });
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(slow.url);
    await body(page);
  } finally {
    await context.close();
    await slow.close();
  }
}

test('what is typed while the app loads is kept: the query, its results and the focus', async () => {
  const expected = await search(suite.session.page, 'hessian');
  await whileAppLoads(async (page) => {
    const box = page.locator('#tc-search-input');
    await box.click();
    await page.keyboard.type('hessian');
    assert.equal(await page.locator('[data-ready]').count(), 0, 'typed before the app took over');
    await page.waitForSelector('[data-ready]', { state: 'attached' });
    assert.equal(await box.inputValue(), 'hessian');
    assert.deepEqual(await stableIds(page, 'after the app took over'), expected);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tc-search-input', 'the box keeps the focus');
    await page.keyboard.type(' newton');
    assert.equal(await box.inputValue(), 'hessian newton', 'typing goes on where it was');
  });
});

test('keys typed as the app takes the search box over are kept, however the app is timed', async () => {
  const expected = await search(suite.session.page, 'hessian');
  await whileAppLoads(async (page) => {
    await page.locator('#tc-search-input').click();
    await page.keyboard.type('hes');
    // Keys the moment the pre-rendered box is held (after the app read 'hes') and the moment the
    // app's box takes the focus: before the app has rendered what the held box got, as when the
    // app yields to the browser in between (a slow phone, a large catalog).
    await page.evaluate(() => {
      const prerendered = document.getElementById('tc-search-input');
      addEventListener('focusin', ({ target }) => {
        if (target === prerendered) document.execCommand('insertText', false, 'si');
        else if (target.id === 'tc-search-input') document.execCommand('insertText', false, 'an');
      });
  });
  assert.equal(await page.locator('[data-ready]').count(), 0, 'typed before the app took over');
  await page.waitForSelector('[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('#tc-search-input').inputValue(), 'hessian', 'no key lost');
  assert.deepEqual(await stableIds(page, 'after the app took over'), expected);
  });
});

test('the search box keeps the focus given it while the app loads, before anything is typed', async () => {
  await whileAppLoads(async (page) => {
    await page.locator('#tc-search-input').click();
    await page.waitForSelector('[data-ready]', { state: 'attached' });
    await page.keyboard.type('hessian');
    assert.equal(await page.locator('#tc-search-input').inputValue(), 'hessian', 'no key went astray');
  });
});
