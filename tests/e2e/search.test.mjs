// End-to-end tests of searching, filtering, sorting and the URL/history contract, against the
// release build (dist/) in headless Chromium. Like catalog.test.mjs they go through the DOM only:
// `input[type=search]`, `[role=status]` ("3 of 20 talks" / "20 talks"), `article[data-talk-id]`
// in display order, `<mark>` around matches, `fieldset.tc-facet` checkboxes whose labels end in
// "(count)", `#tc-sort-select`, a `button[aria-controls][aria-expanded]` per talk, and the `tc-*`
// query parameters (tc-q, tc-tag, tc-from, tc-format, tc-sort, tc-talk).
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, shownIds, stableIds, statusCount, statusText, waitFor } from './harness.mjs';
import { article, expand, search, searchBox } from './dom.mjs';

const TOTAL = 20;

const suite = catalogSuite({ before, after, beforeEach, afterEach });
const { assertNoErrors, reopen } = suite;

/** Types `text` key by key at the end of the search box, and resolves to the shown ids. */
async function typeInSearch(page, text) {
  await searchBox(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  return stableIds(page, `after typing ${JSON.stringify(text)}`);
}

/** Clears the search box, and resolves to the shown ids (all of them, unless filtered). */
function clearSearch(page) {
  return search(page, '');
}

/** A talk's first disclosure button (any `button[aria-controls][aria-expanded]`). */
function toggleOf(page, id) {
  return article(page, id).locator('button[aria-controls][aria-expanded]').first();
}

/** The `tc-*` (and other) query parameters of the page's current URL. */
function params(page) {
  return new URL(page.url()).searchParams;
}

/**
 * The checkbox and label of a facet value, found by the facet's legend ("Topic") and the
 * label's text before its count ("Control").
 */
function facetOption(page, legend, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const label = page
    .locator('fieldset.tc-facet')
    .filter({ has: page.locator('legend', { hasText: new RegExp(`^\\s*${legend}\\s*$`) }) })
    .locator('label')
    .filter({ hasText: new RegExp(`^\\s*${escaped}\\s*\\(\\d+\\)\\s*$`) });
  return {
    label,
    async checkbox() {
      assert.equal(await label.count(), 1, `exactly one ${legend} option labelled ${name}`);
      const id = await label.getAttribute('for');
      assert.ok(id, `the ${legend} label ${name} has a for attribute`);
      return page.locator(`input[type="checkbox"][id="${id}"]`);
    },
    async count() {
      return labelCount(await label.textContent());
    },
  };
}

/** The "(n)" at the end of a facet label. */
function labelCount(text) {
  const match = /\((\d+)\)\s*$/.exec(text ?? '');
  assert.ok(match, `facet label ${JSON.stringify(text)} ends in "(count)"`);
  return Number(match[1]);
}

/** Every option of one facet: `{ name, count, checked, disabled }`, in page order. */
function facetOptions(page, legend) {
  return page.$$eval(
    'fieldset.tc-facet',
    (fieldsets, legend) => {
      const fieldset = fieldsets.find((f) => f.querySelector('legend')?.textContent.trim() === legend);
      if (!fieldset) return null;
      return [...fieldset.querySelectorAll('input[type="checkbox"]')].map((box) => {
        const label = fieldset.querySelector(`label[for="${CSS.escape(box.id)}"]`);
        const text = label?.textContent ?? '';
        return {
          name: text.replace(/\s*\(\d+\)\s*$/, '').trim(),
          count: Number(/\((\d+)\)\s*$/.exec(text)?.[1] ?? NaN),
          checked: box.checked,
          disabled: box.disabled,
        };
      });
    },
    legend,
  );
}

/** The topic labels (`.tc-tag`) of every shown talk, by id. */
function shownTags(page) {
  return page.$$eval('article[data-talk-id]', (articles) =>
    Object.fromEntries(
      articles.map((a) => [
        a.getAttribute('data-talk-id'),
        [...a.querySelectorAll('.tc-tag')].map((tag) => tag.textContent.trim()),
      ]),
    ),
  );
}

/** Ticks (or unticks) a facet checkbox and waits for the list to settle. */
async function toggleFacet(page, legend, name, checked = true) {
  const box = await facetOption(page, legend, name).checkbox();
  await box.setChecked(checked);
  await waitFor(async () => (await box.isChecked()) === checked, {
    message: `the ${legend} checkbox ${name} to be ${checked ? 'checked' : 'unchecked'}`,
  });
  return stableIds(page, `after ${checked ? 'ticking' : 'unticking'} ${legend} ${name}`);
}

/** Waits until the URL's `tc-talk` is `id`. */
function urlTalk(page, id) {
  return waitFor(() => params(page).get('tc-talk') === id, {
    message: `the URL's tc-talk to be ${id} (url: ${page.url()})`,
  });
}

function expandedIds(page) {
  return page.$$eval('article[data-talk-id]', (articles) =>
    articles
      .filter((a) => a.querySelector('button[aria-controls]')?.getAttribute('aria-expanded') === 'true')
      .map((a) => a.getAttribute('data-talk-id')),
  );
}

function historyLength(page) {
  return page.evaluate(() => history.length);
}

// 1 ────────────────────────────────────────────────────────────────────────────────────────────

test('accent-free queries find accented names and affiliations', async () => {
  const { page } = suite.session;
  let ids = await search(page, 'velickovic');
  assert.equal(ids[0], 'velickovic-competitive-programming', `"velickovic" ranked first; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"velickovic" narrows the list; shown: ${ids}`);

  ids = await search(page, 'universite paris');
  assert.equal(ids[0], 'boyer-single-location', `"universite paris" ranked first; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"universite paris" narrows the list; shown: ${ids}`);
  assertNoErrors();
});

// 2 ────────────────────────────────────────────────────────────────────────────────────────────

test('misspelled words still find their talks', async () => {
  const { page } = suite.session;

  // A finished word (followed by a space), typed key by key.
  let ids = await typeInSearch(page, 'hesian ');
  assert.equal(ids[0], 'udell-hessian', `"hesian " ranks udell-hessian first; shown: ${ids}`);
  assert.ok(ids.includes('fazel-flat-minima'), `"hesian " finds fazel-flat-minima; shown: ${ids}`);

  // The same word as the last, still-being-typed word: typo tolerance applies to it too.
  await clearSearch(page);
  ids = await typeInSearch(page, 'hesian');
  assert.equal(ids[0], 'udell-hessian', `"hesian" ranks udell-hessian first; shown: ${ids}`);
  assert.ok(ids.includes('fazel-flat-minima'), `"hesian" finds fazel-flat-minima; shown: ${ids}`);

  ids = await search(page, 'hesian');
  assert.equal(ids[0], 'udell-hessian', `"hesian" (filled) ranks udell-hessian first; shown: ${ids}`);
  assert.ok(ids.includes('fazel-flat-minima'), `"hesian" (filled) finds fazel-flat-minima; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"hesian" narrows the list; shown: ${ids}`);

  ids = await search(page, 'halucinations ');
  assert.ok(ids.includes('kalai-hallucinations'), `"halucinations " finds kalai-hallucinations; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"halucinations " narrows the list; shown: ${ids}`);

  ids = await search(page, 'gradinet descent');
  assert.ok(ids.includes('lee-causal-structure'), `"gradinet descent" finds lee-causal-structure; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"gradinet descent" narrows the list; shown: ${ids}`);
  assertNoErrors();
});

// 3 ────────────────────────────────────────────────────────────────────────────────────────────

test('the word being typed matches as a prefix', async () => {
  const { page } = suite.session;
  const ids = await typeInSearch(page, 'hallu');
  assert.ok(ids.includes('kalai-hallucinations'), `"hallu" finds kalai-hallucinations; shown: ${ids}`);
  assert.equal(ids[0], 'kalai-hallucinations', `"hallu" ranks kalai-hallucinations first; shown: ${ids}`);
  assert.ok(ids.length < TOTAL, `"hallu" narrows the list; shown: ${ids}`);
  assertNoErrors();
});

// 4 ────────────────────────────────────────────────────────────────────────────────────────────

test('query language: AND, quoted phrases, field scopes and exclusion', async () => {
  const { page } = suite.session;

  let ids = await search(page, 'hessian preconditioning');
  assert.deepEqual(ids, ['udell-hessian'], 'every word must match');

  ids = await search(page, '"language models"');
  assert.ok(ids.includes('kalai-hallucinations'), `phrase finds kalai-hallucinations; shown: ${ids}`);
  assert.ok(
    ids.includes('beirami-safety-vulnerabilities'),
    `phrase finds the tutorial's part 1; shown: ${ids}`,
  );
  assert.ok(ids.length < TOTAL, `the phrase narrows the list; shown: ${ids}`);

  ids = await search(page, 'speaker:hassani');
  assert.deepEqual(
    [...ids].sort(),
    ['beirami-alignment-methods', 'beirami-safety-vulnerabilities'],
    'speaker:hassani finds exactly the two tutorial talks',
  );

  ids = await search(page, 'from:tilos');
  assert.deepEqual(
    [...ids].sort(),
    ['gao-optimization-reasoning', 'ma-reverse-diffusion', 'mazumdar-hard-thresholding'],
    'from:tilos finds exactly the three TILOS talks',
  );

  const hessian = await search(page, 'hessian');
  assert.ok(hessian.includes('udell-hessian'), `"hessian" finds udell-hessian; shown: ${hessian}`);
  ids = await search(page, 'hessian -udell');
  assert.ok(!ids.includes('udell-hessian'), `"hessian -udell" excludes udell-hessian; shown: ${ids}`);
  assert.ok(ids.length > 0, '"hessian -udell" still shows the other hessian talks');
  assert.deepEqual(
    [...ids].sort(),
    hessian.filter((id) => id !== 'udell-hessian').sort(),
    '"hessian -udell" shows the "hessian" talks except udell-hessian',
  );
  assertNoErrors();
});

// 5 ────────────────────────────────────────────────────────────────────────────────────────────

test('matches are highlighted with <mark> and the text stays intact', async () => {
  const { page } = suite.session;
  const heading = article(page, 'udell-hessian').locator('h2');
  assert.equal(await heading.textContent(), 'Hunting the Hessian');
  assert.equal(await heading.locator('mark').count(), 0, 'no marks without a query');

  const ids = await search(page, 'hessian');
  assert.ok(ids.includes('udell-hessian'), `shown: ${ids}`);
  const marks = await heading.locator('mark').allTextContents();
  assert.deepEqual(marks, ['Hessian'], 'the title\'s match is marked');
  assert.equal(await heading.textContent(), 'Hunting the Hessian', 'the title text is intact');
  // Marks are elements around text, not markup leaking into the text.
  assert.equal(await heading.evaluate((h) => h.querySelectorAll('*').length), 1);

  await clearSearch(page);
  assert.equal(await heading.locator('mark').count(), 0, 'marks go away with the query');
  assert.equal(await heading.textContent(), 'Hunting the Hessian');
  assertNoErrors();
});

// 6 ────────────────────────────────────────────────────────────────────────────────────────────

test('the URL follows typing without a history entry per keystroke', async () => {
  let page = suite.session.page;
  const before = await historyLength(page);
  await typeInSearch(page, 'hessian');
  await waitFor(() => params(page).get('tc-q') === 'hessian', {
    message: `tc-q=hessian in the URL (url: ${page.url()})`,
  });
  assert.match(await page.evaluate(() => location.search), /[?&]tc-q=hessian(&|$)/);
  assert.equal(await historyLength(page), before, 'typing replaces the history entry');

  // The host page's own parameters and hash are kept as they are.
  page = await reopen('/?lang=fr#schedule');
  const start = await historyLength(page);
  assert.equal(await page.evaluate(() => location.search), '?lang=fr', 'nothing added on load');
  await typeInSearch(page, 'hessian');
  await waitFor(() => params(page).get('tc-q') === 'hessian', {
    message: `tc-q=hessian in the URL (url: ${page.url()})`,
  });
  const location = await page.evaluate(() => ({ search: location.search, hash: location.hash }));
  assert.equal(location.search, '?lang=fr&tc-q=hessian', 'lang=fr is kept, tc-q is added');
  assert.equal(location.hash, '#schedule', 'the hash is kept');
  assert.equal(await historyLength(page), start, 'typing replaces the history entry');

  await clearSearch(page);
  await waitFor(() => !params(page).has('tc-q'), { message: `tc-q to leave the URL (url: ${page.url()})` });
  assert.deepEqual(
    await page.evaluate(() => ({ search: location.search, hash: location.hash })),
    { search: '?lang=fr', hash: '#schedule' },
  );
  assertNoErrors();
});

// 7 ────────────────────────────────────────────────────────────────────────────────────────────

test('a URL restores the whole view, also after a reload', async () => {
  // The same view, built through the UI.
  let page = suite.session.page;
  await typeInSearch(page, 'hessian');
  await toggleFacet(page, 'Topic', 'Optimization');
  await page.locator('#tc-sort-select').selectOption('title');
  await stableIds(page, 'after sorting by title');
  await expand(page, 'udell-hessian', toggleOf(page, 'udell-hessian'));
  const viaUi = await stableIds(page, 'after expanding udell-hessian');
  assert.ok(viaUi.includes('udell-hessian'), `shown: ${viaUi}`);
  const uiParams = params(page);
  assert.equal(uiParams.get('tc-q'), 'hessian');
  assert.deepEqual(uiParams.getAll('tc-tag'), ['optimization']);
  assert.equal(uiParams.get('tc-sort'), 'title');
  assert.equal(uiParams.get('tc-talk'), 'udell-hessian');
  assertNoErrors();

  page = await reopen('/?tc-q=hessian&tc-tag=optimization&tc-sort=title&tc-talk=udell-hessian');
  const check = async (when) => {
    const ids = await stableIds(page, when);
    assert.equal(await searchBox(page).inputValue(), 'hessian', `search box ${when}`);
    assert.equal(
      await (await facetOption(page, 'Topic', 'Optimization').checkbox()).isChecked(),
      true,
      `Optimization checkbox ${when}`,
    );
    assert.equal(await page.locator('#tc-sort-select').inputValue(), 'title', `sort ${when}`);
    assert.equal(
      await toggleOf(page, 'udell-hessian').getAttribute('aria-expanded'),
      'true',
      `udell-hessian expanded ${when}`,
    );
    const detailsId = await toggleOf(page, 'udell-hessian').getAttribute('aria-controls');
    assert.ok(await page.locator(`[id="${detailsId}"]`).isVisible(), `udell-hessian details shown ${when}`);
    assert.deepEqual(ids, viaUi, `shown ids ${when} equal those built through the UI`);
  };
  await check('on load');
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-ready] article[data-talk-id]', { state: 'attached' });
  await check('after a reload');
  assertNoErrors();
});

// 8 ────────────────────────────────────────────────────────────────────────────────────────────

test('topic facets filter, count disjunctively and OR within the facet', async () => {
  const { page } = suite.session;
  const allTags = await shownTags(page);
  assert.equal(Object.keys(allTags).length, TOTAL);
  const withTag = (...labels) =>
    Object.keys(allTags)
      .filter((id) => allTags[id].some((tag) => labels.includes(tag)))
      .sort();

  let ids = await toggleFacet(page, 'Topic', 'Control');
  const tags = await shownTags(page);
  for (const id of ids) {
    assert.ok(tags[id].includes('Control'), `${id} is shown under Control but has tags ${tags[id]}`);
  }
  assert.deepEqual([...ids].sort(), withTag('Control'), 'exactly the Control talks are shown');
  const controlCount = await facetOption(page, 'Topic', 'Control').count();
  assert.equal(statusCount(await statusText(page)), controlCount, 'status count = label count');
  assert.equal(ids.length, controlCount);

  // Disjunctive counts: the other topics still count as if Control were not chosen.
  const topics = await facetOptions(page, 'Topic');
  const others = topics.filter((t) => t.name !== 'Control' && !t.checked);
  assert.ok(
    others.some((t) => t.count > 0 && !t.disabled),
    `some other topic keeps a nonzero count: ${JSON.stringify(topics)}`,
  );
  for (const t of others) {
    assert.equal(t.count, withTag(t.name).length, `the ${t.name} count ignores the Topic selection`);
  }

  // A second topic widens the list (OR within a facet).
  ids = await toggleFacet(page, 'Topic', 'Sampling');
  assert.ok(ids.length >= controlCount, `count grows or stays: ${controlCount} → ${ids.length}`);
  assert.deepEqual([...ids].sort(), withTag('Control', 'Sampling'), 'Control or Sampling talks');
  assert.equal(statusCount(await statusText(page)), ids.length);

  // Unticking both gives everything back.
  await toggleFacet(page, 'Topic', 'Control', false);
  ids = await toggleFacet(page, 'Topic', 'Sampling', false);
  assert.equal(ids.length, TOTAL);
  assertNoErrors();
});

// 9 ────────────────────────────────────────────────────────────────────────────────────────────

test('Back and Forward step between opened talks', async () => {
  const { page } = suite.session;
  const [first, second] = (await shownIds(page)).slice(2, 4);
  const start = await historyLength(page);

  await expand(page, first, toggleOf(page, first));
  await urlTalk(page, first);
  assert.equal(await historyLength(page), start + 1, 'opening a talk pushes a history entry');
  await expand(page, second, toggleOf(page, second));
  await urlTalk(page, second);
  assert.equal(await historyLength(page), start + 2, 'opening another talk pushes again');

  await page.goBack();
  await urlTalk(page, first);
  await waitFor(async () => (await toggleOf(page, first).getAttribute('aria-expanded')) === 'true', {
    message: `${first} to be expanded after Back`,
  });
  await waitFor(async () => (await toggleOf(page, second).getAttribute('aria-expanded')) === 'false', {
    message: `${second} to be collapsed after Back`,
  });
  assert.deepEqual(await expandedIds(page), [first]);

  await page.goForward();
  await urlTalk(page, second);
  await waitFor(async () => (await toggleOf(page, second).getAttribute('aria-expanded')) === 'true', {
    message: `${second} to be expanded after Forward`,
  });
  assert.ok((await expandedIds(page)).includes(second));

  await page.goBack();
  await page.goBack();
  await waitFor(() => !params(page).has('tc-talk'), { message: `no tc-talk after two Backs (url: ${page.url()})` });
  await waitFor(async () => (await expandedIds(page)).length === 0, {
    message: 'every talk collapsed after two Backs',
  });
  assertNoErrors();
});

// 10 ───────────────────────────────────────────────────────────────────────────────────────────

test('a malformed URL never breaks the page', async () => {
  const page = await reopen('/?tc-q=%E2%28&tc-tag=nope&tc-talk=../../etc&tc-sort=%');
  let ids = await stableIds(page, 'on load');
  assert.ok(ids.length > 0, 'talks are rendered');
  assert.equal(await expandedIds(page).then((e) => e.length), 0, 'no talk is opened');
  assert.ok(
    (await facetOptions(page, 'Topic')).every((t) => !t.checked),
    'no topic is selected by an unknown tag',
  );

  // The page still works.
  ids = await search(page, 'hessian');
  assert.ok(ids.includes('udell-hessian'), `shown: ${ids}`);
  ids = await clearSearch(page);
  assert.equal(ids.length, TOTAL);
  assertNoErrors();
});
