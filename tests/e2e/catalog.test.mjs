// End-to-end tests of the release build (dist/) in headless Chromium.
// They go through the DOM contract only: `article[data-talk-id]` per talk, `.tc-talk-title`,
// `li.tc-speaker` ("Name, Affiliation"), `.tc-abstract p`, `.tc-bio p`, a `[role="status"]`
// summary, a labelled `<input type="search">`, and a disclosure button per talk.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, shownIds, statusText, waitFor } from './harness.mjs';
import { assertSeedText, talkLines } from './dom.mjs';

const TOTAL = 20;

const suite = catalogSuite({ before, after, beforeEach, afterEach });
const { assertNoErrors } = suite;

function searchBox(page) {
  return page.getByRole('searchbox', { name: /search/i });
}

/** Fills the search box, then waits until the list and the status agree with each other. */
async function search(page, query) {
  await searchBox(page).fill(query);
  await waitFor(
    async () => {
      const [ids, status] = await Promise.all([shownIds(page), statusText(page)]);
      return new RegExp(`\\b${ids.length}\\b`).test(status) ? ids : false;
    },
    { message: `the status to report the shown count after searching ${JSON.stringify(query)}` },
  );
}

test('shows all 20 seed talks verbatim, in order', async () => {
  const { page } = suite.session;
  await assertSeedText(await talkLines(page));
  assertNoErrors();
});

test('the page has a search input whose accessible name contains "Search"', async () => {
  const { page } = suite.session;
  const box = searchBox(page);
  assert.equal(await box.count(), 1, 'exactly one searchbox named /search/i');
  assert.equal(await box.evaluate((el) => el.localName), 'input');
  assert.equal(await box.getAttribute('type'), 'search');
  assert.equal(await page.locator('input[type="search"]').count(), 1);
  // The accessible name, as the accessibility tree computes it (case-sensitive "Search").
  const snapshot = await page.locator('input[type="search"]').ariaSnapshot();
  assert.match(snapshot, /searchbox "[^"]*Search[^"]*"/, `aria snapshot: ${snapshot}`);
  assertNoErrors();
});

test('searching narrows the list and the status follows', async () => {
  const { page } = suite.session;
  assert.match(await statusText(page), /\b20\b/);
  assert.equal((await shownIds(page)).length, TOTAL);

  await searchBox(page).click();
  await page.keyboard.type('hessian');
  const ids = await waitFor(
    async () => {
      const shown = await shownIds(page);
      return shown.length < TOTAL && shown.includes('udell-hessian') ? shown : false;
    },
    { message: 'typing "hessian" to narrow the list' },
  );
  assert.ok(ids.includes('udell-hessian'), `shown: ${ids}`);
  assert.ok(ids.includes('fazel-flat-minima'), `shown: ${ids}`);
  assert.ok(ids.length < TOTAL);
  await waitFor(async () => new RegExp(`\\b${ids.length}\\b`).test(await statusText(page)), {
    message: `the status to mention ${ids.length}`,
  });

  await search(page, 'zzzqqq');
  assert.deepEqual(await shownIds(page), []);
  assert.match(await statusText(page), /\b0\b/);

  await search(page, '');
  assert.equal((await shownIds(page)).length, TOTAL);
  assert.match(await statusText(page), /\b20\b/);
  assertNoErrors();
});

test('search ignores case and accents', async () => {
  const { page } = suite.session;
  for (const query of ['VELIČKOVIĆ', 'velickovic']) {
    await search(page, query);
    const ids = await shownIds(page);
    assert.ok(
      ids.includes('velickovic-competitive-programming'),
      `${JSON.stringify(query)} should find velickovic-competitive-programming; shown: ${ids}`,
    );
    assert.ok(ids.length < TOTAL, `${JSON.stringify(query)} should narrow the list`);
  }
  assertNoErrors();
});

test('the abstract toggle expands and collapses, by mouse and by keyboard', async () => {
  const { page } = suite.session;
  const article = page.locator('article[data-talk-id]').first();
  const button = article.locator('button[aria-expanded][aria-controls]').first();
  assert.equal(await article.locator('button[aria-expanded="false"][aria-controls]').count(), 1);
  const controlsId = await button.getAttribute('aria-controls');
  assert.ok(controlsId, 'aria-controls names an element');
  const details = page.locator(`[id="${controlsId}"]`);
  assert.equal(await details.count(), 1, `exactly one element with id ${controlsId}`);
  const firstParagraph = await article.locator('.tc-abstract p').first().textContent();
  assert.ok(firstParagraph?.trim(), 'the first abstract paragraph has text');

  assert.equal(await details.isVisible(), false, 'collapsed details are hidden');

  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', {
    message: 'aria-expanded="true" after a click',
  });
  await waitFor(() => details.isVisible(), { message: 'the details to show' });
  assert.ok((await details.textContent()).includes(firstParagraph));
  assert.ok(await details.getByText(firstParagraph, { exact: true }).isVisible());

  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'false', {
    message: 'aria-expanded="false" after a second click',
  });
  await waitFor(async () => !(await details.isVisible()), { message: 'the details to hide' });

  await button.focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', {
    message: 'aria-expanded="true" after Enter',
  });
  await waitFor(() => details.isVisible(), { message: 'the details to show after Enter' });
  assertNoErrors();
});
