// End-to-end tests of the catalog's interface, against the release build (dist/) in headless
// Chromium: the filter layout on phones and desktops, active-filter chips, sorting, the talk
// cards (highlights, tag buttons, teaser, details, series navigation, related talks, copy link),
// deep links, favourites and their storage, the empty state, the keyboard, and the styles
// (narrow screens, reduced motion, print, dark theme). Everything goes through the DOM, and every
// test ends by checking that no console error or page error was reported.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, settle, shownIds, stableIds, statusText, waitFor } from './harness.mjs';
import { article, expand, facetBox, search, searchBox, setFacet, toggleOf } from './dom.mjs';

const TOTAL = 20;
const LEGENDS = ['Topic', 'Institution', 'Format'];
const PART_1 = 'beirami-safety-vulnerabilities';
const PART_2 = 'beirami-alignment-methods';
const PHONE = { width: 390, height: 844 };

const suite = catalogSuite({ before, after, beforeEach, afterEach });
const { assertNoErrors, reopen } = suite;

function starOf(page, id) {
  return article(page, id).locator('button.tc-star');
}

/** Every facet as `{ legend, options: [{ type, label, name, count, checked, disabled }] }`. */
function facetTable(page) {
  return page.$$eval('fieldset.tc-facet', (fieldsets) =>
    fieldsets.map((fieldset) => ({
      legend: fieldset.querySelector(':scope > legend')?.textContent.trim() ?? null,
      options: [...fieldset.querySelectorAll('input')].map((input) => {
        const label = input.id ? fieldset.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
        const text = label?.textContent.trim() ?? null;
        return {
          type: input.type,
          label: text,
          name: text?.replace(/\s*\(\d+\)$/, '') ?? null,
          count: Number(/\((\d+)\)$/.exec(text ?? '')?.[1] ?? NaN),
          checked: input.checked,
          disabled: input.disabled,
        };
      }),
    })),
  );
}

function expandedStates(page) {
  return page.$$eval('article[data-talk-id]', (articles) =>
    articles.map((a) => a.querySelector('button.tc-toggle')?.getAttribute('aria-expanded')),
  );
}

function activeId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

/** Case and accent folding as the catalog does it (NFD, drop combining marks, lowercase). */
function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The relative luminance (0 black … 1 white) of a computed CSS colour. */
function luminance(color) {
  let channels;
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(color);
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(color);
  if (rgb) channels = rgb.slice(1, 4).map((c) => Number(c) / 255);
  else if (srgb) channels = srgb.slice(1, 4).map(Number);
  else assert.fail(`cannot read the colour ${JSON.stringify(color)}`);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function widgetColor(page) {
  return page.locator('.tc').first().evaluate((el) => getComputedStyle(el).color);
}

// 1 · Layout ───────────────────────────────────────────────────────────────────────────────────

test('facets are fieldsets of labelled checkboxes with counts, disabled at zero', async () => {
  const { page } = suite.session;
  let facets = await facetTable(page);
  assert.deepEqual(
    facets.map((f) => f.legend),
    LEGENDS,
    'one fieldset per facet, each with its legend',
  );
  for (const { legend, options } of facets) {
    assert.ok(options.length > 0, `${legend} has options`);
    for (const option of options) {
      assert.equal(option.type, 'checkbox', `${legend} option ${option.label} is a checkbox`);
      assert.match(option.label ?? '', /\S\s*\(\d+\)$/, `${legend} option has a label ending in "(N)"`);
      assert.ok(option.count > 0, `${legend} ${option.label}: every value has talks before a search`);
      assert.equal(option.disabled, false, `${legend} ${option.label} is enabled`);
      assert.equal(option.checked, false, `${legend} ${option.label} starts unticked`);
    }
  }

  await search(page, 'hessian');
  facets = await facetTable(page);
  const zero = facets.flatMap((f) => f.options.filter((o) => o.count === 0).map((o) => `${f.legend}: ${o.label}`));
  assert.ok(zero.length > 0, 'searching "hessian" leaves some values without talks');
  for (const { legend, options } of facets) {
    for (const option of options) {
      assert.equal(
        option.disabled,
        option.count === 0,
        `${legend} ${option.label} is disabled exactly when its count is 0`,
      );
    }
  }
  assertNoErrors();
});

test('on a 390px phone the filters fold away and open from their summary', async () => {
  const page = await reopen('/', { contextOptions: { viewport: PHONE } });
  const details = page.locator('details.tc-filters');
  assert.equal(await details.count(), 1);
  assert.equal(await details.evaluate((d) => d.open), false, 'the filters start closed');
  const firstBox = page.locator('fieldset.tc-facet input[type="checkbox"]').first();
  assert.equal(await firstBox.isVisible(), false, 'no checkbox is visible while closed');
  const summary = details.locator(':scope > summary');
  assert.ok(await summary.isVisible(), 'the summary is visible');

  await summary.click();
  await waitFor(() => details.evaluate((d) => d.open), { message: 'the filters to open' });
  await waitFor(() => firstBox.isVisible(), { message: 'the checkboxes to show' });
  assert.ok(await facetBox(page, 'Topic', 'Control').isVisible(), 'Topic: Control is visible');
  assertNoErrors();
});

test('at 1280px the facet checkboxes are visible without opening anything', async () => {
  const { page } = suite.session;
  assert.equal(page.viewportSize()?.width, 1280);
  const boxes = page.locator('fieldset.tc-facet input[type="checkbox"]');
  const count = await boxes.count();
  assert.ok(count > 0);
  for (let i = 0; i < count; i++) {
    assert.ok(await boxes.nth(i).isVisible(), `facet checkbox #${i + 1} is visible`);
  }
  assert.ok(await facetBox(page, 'Topic', 'Control').isVisible());
  assertNoErrors();
});

test('active filters show as removable chips; "Clear all" clears the query and filters', async () => {
  const { page } = suite.session;
  assert.equal(await page.locator('.tc-chips button').count(), 0, 'no chips without filters');

  const control = await setFacet(page, 'Topic', 'Control');
  assert.ok(control.length > 0 && control.length < TOTAL, `Control narrows the list: ${control}`);
  const chip = page.locator('.tc-chips button').filter({ hasText: 'Control' });
  assert.equal(await chip.count(), 1, 'one chip for Control');
  assert.equal(await chip.getAttribute('aria-label'), 'Remove filter: Control');
  assert.ok(
    await page.getByRole('button', { name: 'Remove filter: Control', exact: true }).isVisible(),
    'the chip has the accessible name "Remove filter: Control"',
  );

  await chip.click();
  await waitFor(async () => !(await facetBox(page, 'Topic', 'Control').isChecked()), {
    message: 'the chip to untick Control',
  });
  assert.equal((await stableIds(page, 'after removing the chip')).length, TOTAL);
  assert.equal(await page.locator('.tc-chips button').count(), 0, 'the chip is gone');

  // A query and filters from two facets, then "Clear all".
  await setFacet(page, 'Topic', 'Optimization');
  await setFacet(page, 'Format', 'Talk');
  const filtered = await search(page, 'hessian');
  assert.ok(filtered.length < TOTAL, `filtered: ${filtered}`);
  const chips = await page.locator('.tc-chips button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(chips.sort(), ['Remove filter: Optimization', 'Remove filter: Talk']);

  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  const all = await stableIds(page, 'after "Clear all"');
  assert.equal(all.length, TOTAL, 'every talk is shown again');
  assert.equal(await searchBox(page).inputValue(), '', 'the query is cleared');
  const ticked = (await facetTable(page)).flatMap((f) => f.options.filter((o) => o.checked).map((o) => o.label));
  assert.deepEqual(ticked, [], 'no facet value is ticked');
  assert.equal(await page.locator('.tc-chips button').count(), 0, 'no chips are left');
  assertNoErrors();
});

test('the sort select reorders the list; "Title" is alphabetical by title', async () => {
  const { page } = suite.session;
  const programme = await shownIds(page);
  const select = page.locator('#tc-sort-select');
  assert.ok(await page.getByRole('combobox', { name: 'Sort by' }).isVisible(), 'a labelled sort select');

  await select.selectOption('title');
  await waitFor(async () => JSON.stringify(await shownIds(page)) !== JSON.stringify(programme), {
    message: 'the order to change after sorting by title',
  });
  const ids = await stableIds(page, 'after sorting by title');
  assert.equal(ids.length, TOTAL);
  const titles = await page.locator('article[data-talk-id] .tc-talk-title').allTextContents();
  const sorted = [...titles].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0));
  assert.deepEqual(titles, sorted, 'titles are in alphabetical order');

  await select.selectOption('programme');
  await waitFor(async () => JSON.stringify(await shownIds(page)) === JSON.stringify(programme), {
    message: 'programme order to come back',
  });
  assertNoErrors();
});

// 2 · Cards ────────────────────────────────────────────────────────────────────────────────────

test('query matches in titles are wrapped in <mark>', async () => {
  const { page } = suite.session;
  const ids = await search(page, 'hallucinations');
  assert.ok(ids.includes('kalai-hallucinations'), `shown: ${ids}`);
  const title = article(page, 'kalai-hallucinations').locator('.tc-talk-title');
  assert.deepEqual(await title.locator('mark').allTextContents(), ['Hallucinations']);
  assert.equal(
    await title.textContent(),
    'Unlearnable Facts Cause Hallucinations in Pretrained Language Models',
    'the title text is intact around the mark',
  );
  assertNoErrors();
});

test('tag buttons toggle their topic filter', async () => {
  const { page } = suite.session;
  const tag = article(page, 'udell-hessian').locator('button.tc-tag', { hasText: /^\s*Optimization\s*$/ });
  assert.equal(await tag.getAttribute('aria-pressed'), 'false');
  const optimizationBox = facetBox(page, 'Topic', 'Optimization');
  assert.equal(await optimizationBox.isChecked(), false);

  await tag.click();
  await waitFor(async () => (await tag.getAttribute('aria-pressed')) === 'true', {
    message: 'the tag button to be pressed',
  });
  const ids = await stableIds(page, 'after pressing the Optimization tag');
  assert.ok(ids.length > 0 && ids.length < TOTAL, `the list narrows: ${ids}`);
  assert.ok(await optimizationBox.isChecked(), 'the Topic checkbox is ticked');
  const label = await page
    .locator('fieldset.tc-facet label')
    .filter({ hasText: /^\s*Optimization\s*\(\d+\)\s*$/ })
    .textContent();
  assert.equal(ids.length, Number(/\((\d+)\)/.exec(label)[1]), 'as many talks as the facet count');
  for (const id of ids) {
    const pressed = article(page, id).locator('button.tc-tag[aria-pressed="true"]');
    assert.deepEqual(
      (await pressed.allTextContents()).map((t) => t.trim()),
      ['Optimization'],
      `${id} shows its Optimization tag pressed`,
    );
  }

  await tag.click();
  await waitFor(async () => (await tag.getAttribute('aria-pressed')) === 'false', {
    message: 'the tag button to be released',
  });
  assert.equal((await stableIds(page, 'after releasing the tag')).length, TOTAL);
  assert.equal(await optimizationBox.isChecked(), false, 'the Topic checkbox is unticked');
  assertNoErrors();
});

test('collapsed cards show a teaser of at most two lines', async () => {
  const { page } = suite.session;
  const teasers = await page.$$eval('article[data-talk-id]', (articles) =>
    articles.map((a) => {
      const teaser = a.querySelector('.tc-teaser');
      if (!teaser) return { id: a.dataset.talkId, missing: true };
      const style = getComputedStyle(teaser);
      const lineHeight =
        style.lineHeight === 'normal' ? 1.2 * parseFloat(style.fontSize) : parseFloat(style.lineHeight);
      return {
        id: a.dataset.talkId,
        height: teaser.getBoundingClientRect().height,
        lineHeight,
        visible: teaser.checkVisibility(),
        full: teaser.scrollHeight,
      };
    }),
  );
  assert.equal(teasers.length, TOTAL);
  for (const t of teasers) {
    assert.ok(!t.missing, `${t.id} has a .tc-teaser`);
    assert.ok(t.visible && t.height > 0, `${t.id}'s teaser is shown`);
    assert.ok(
      t.height <= 2.5 * t.lineHeight,
      `${t.id}'s teaser is ${t.height}px tall, more than 2.5 × its ${t.lineHeight}px line height`,
    );
  }
  assert.ok(
    teasers.some((t) => t.full > 2.5 * t.lineHeight),
    'some abstract is longer than two lines, so the clamp is exercised',
  );
  assertNoErrors();
});

test('expanding a card shows the whole abstract and the speaker bio', async () => {
  const { page } = suite.session;
  const kalai = article(page, 'kalai-hallucinations');
  await expand(page, 'kalai-hallucinations');
  assert.equal(await kalai.locator('.tc-teaser').count(), 0, 'the teaser gives way to the full text');
  const paragraphs = kalai.locator('.tc-details .tc-abstract p');
  assert.ok((await paragraphs.count()) >= 3, 'every abstract paragraph is there');
  for (let i = 0; i < (await paragraphs.count()); i++) {
    assert.ok(await paragraphs.nth(i).isVisible(), `abstract paragraph ${i + 1} is visible`);
    assert.ok((await paragraphs.nth(i).textContent()).trim().length > 0);
  }
  assert.equal(
    (await paragraphs.last().textContent()).trim(),
    'This is joint work with Santosh Vempala.',
    'the last paragraph is shown in full',
  );
  const bioHeading = kalai.getByRole('heading', { level: 3, name: 'About the speaker' });
  assert.ok(await bioHeading.isVisible(), 'an "About the speaker" h3');
  assert.ok(await kalai.locator('.tc-bio p').first().isVisible(), 'the bio text');

  // A talk without a bio has no bio heading.
  await expand(page, 'fazel-flat-minima');
  const fazel = article(page, 'fazel-flat-minima');
  assert.ok(await fazel.locator('.tc-abstract p').first().isVisible());
  assert.equal(await fazel.getByRole('heading', { name: 'About the speaker' }).count(), 0);
  assertNoErrors();
});

test('tutorial parts link to each other and the next link focuses part 2', async () => {
  const { page } = suite.session;
  await expand(page, PART_1);
  const part1 = article(page, PART_1);
  const nav = part1.locator('nav.tc-series');
  assert.ok(await nav.isVisible(), 'part 1 shows its series navigation');
  const navText = (await nav.textContent()).replace(/\s+/g, ' ');
  assert.match(navText, /Part 1 of 2/, `series text: ${navText}`);
  assert.doesNotMatch(navText, /previous/i, 'part 1 has no previous part');
  const next = nav.getByRole('link');
  assert.equal(await next.count(), 1, 'one link: the next part');
  assert.match(navText, /next:\s*Tutorial on AI Alignment \(part 2 of 2\)/, `series text: ${navText}`);

  // "Other talks by …" lists the other part; "Related talks" lists three.
  const other = part1.locator('section.tc-more').filter({
    has: page.locator('h3', { hasText: /^Other talks by / }),
  });
  assert.equal(await other.count(), 1, 'an "Other talks by …" section');
  assert.match(await other.locator('h3').textContent(), /Ahmad Beirami/);
  assert.deepEqual(
    await other.locator('a').evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get('tc-talk'))),
    [PART_2],
    '"Other talks by …" lists part 2',
  );
  const related = part1.locator('section.tc-more').filter({ has: page.locator('h3', { hasText: /^Related talks$/ }) });
  assert.equal(await related.count(), 1, 'a "Related talks" section');
  const relatedIds = await related
    .locator('a')
    .evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get('tc-talk')));
  assert.equal(relatedIds.length, 3, `three related talks: ${relatedIds}`);
  assert.ok(!relatedIds.includes(PART_1), 'a talk is not related to itself');
  assert.equal(new Set(relatedIds).size, 3, 'no duplicates');

  await next.click();
  await waitFor(async () => (await toggleOf(page, PART_2).getAttribute('aria-expanded')) === 'true', {
    message: 'part 2 to expand',
  });
  await waitFor(async () => (await activeId(page)) === `tc-title-${PART_2}`, {
    message: 'focus to move to part 2\'s heading',
  });
  const nav2 = (await article(page, PART_2).locator('nav.tc-series').textContent()).replace(/\s+/g, ' ');
  assert.match(nav2, /Part 2 of 2/, `part 2 series text: ${nav2}`);
  assert.match(nav2, /previous:\s*Tutorial on AI Alignment \(part 1 of 2\)/, `part 2 series text: ${nav2}`);
  assertNoErrors();
});

test('"Related talks" lists three other talks', async () => {
  const { page } = suite.session;
  await expand(page, 'kalai-hallucinations');
  const related = article(page, 'kalai-hallucinations')
    .locator('section.tc-more')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'Related talks' }) });
  const links = related.getByRole('link');
  assert.equal(await links.count(), 3);
  const ids = await links.evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('tc-talk')));
  const known = await shownIds(page);
  for (const id of ids) assert.ok(known.includes(id) && id !== 'kalai-hallucinations', `${id} is another talk`);
  assertNoErrors();
});

test('"Copy link" puts a link to the talk on the clipboard', async () => {
  const session = suite.session;
  const { page, context } = session;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(suite.server.url).origin,
  });
  await expand(page, 'kalai-hallucinations');
  await article(page, 'kalai-hallucinations').getByRole('button', { name: 'Copy link' }).click();
  const text = await waitFor(
    async () => {
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      return clip.includes('tc-talk=') ? clip : false;
    },
    { message: 'a link on the clipboard' },
  );
  const url = new URL(text);
  assert.equal(url.origin, new URL(suite.server.url).origin, `copied: ${text}`);
  assert.equal(url.searchParams.get('tc-talk'), 'kalai-hallucinations', `copied: ${text}`);
  const announcement = page.locator('.tc [aria-live] span:not([data-seen])', { hasText: 'Link copied' });
  await announcement.waitFor();
  // Copying again announces again: a new node in the live region, not the same text left there.
  await announcement.evaluate((span) => (span.dataset.seen = 'yes'));
  await article(page, 'kalai-hallucinations').getByRole('button', { name: 'Copy link' }).click();
  await announcement.waitFor();
  assert.equal(await page.locator('.tc [aria-live] span').count(), 1);
  assertNoErrors(session);
});

test('"Expand all" expands every shown talk and becomes "Collapse all"', async () => {
  const { page } = suite.session;
  const button = page.getByRole('button', { name: /^(Expand|Collapse) all$/ });
  assert.equal((await button.textContent()).trim(), 'Expand all');

  const shown = await search(page, 'hessian');
  assert.ok(shown.length > 1 && shown.length < TOTAL, `shown: ${shown}`);
  await button.click();
  await waitFor(async () => (await expandedStates(page)).every((s) => s === 'true'), {
    message: 'every shown talk to expand',
  });
  assert.equal((await button.textContent()).trim(), 'Collapse all');
  for (const id of shown) {
    assert.ok(await article(page, id).locator('.tc-details').isVisible(), `${id}'s details are shown`);
  }

  // Only the shown talks were expanded.
  await search(page, '');
  const states = await expandedStates(page);
  assert.equal(states.filter((s) => s === 'true').length, shown.length, 'hidden talks stay collapsed');
  assert.equal((await button.textContent()).trim(), 'Expand all');

  await button.click();
  await waitFor(async () => (await expandedStates(page)).every((s) => s === 'true'), {
    message: 'all 20 talks to expand',
  });
  assert.equal((await button.textContent()).trim(), 'Collapse all');
  await button.click();
  await waitFor(async () => (await expandedStates(page)).every((s) => s === 'false'), {
    message: 'every talk to collapse',
  });
  assert.equal((await button.textContent()).trim(), 'Expand all');
  assertNoErrors();
});

// 3 · Deep links ───────────────────────────────────────────────────────────────────────────────

test('a deep link expands the talk, scrolls it into view and focuses its heading', async () => {
  const page = await reopen('/?tc-talk=kalai-hallucinations');
  const heading = page.locator('#tc-title-kalai-hallucinations');
  await waitFor(async () => (await toggleOf(page, 'kalai-hallucinations').getAttribute('aria-expanded')) === 'true', {
    message: 'the linked talk to be expanded',
  });
  await waitFor(async () => (await activeId(page)) === 'tc-title-kalai-hallucinations', {
    message: 'focus on the linked talk\'s heading',
  });
  const box = await waitFor(
    () =>
      heading.evaluate((h) => {
        const r = h.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight ? { top: r.top, bottom: r.bottom, scrollY } : false;
      }),
    { message: 'the heading to be inside the viewport' },
  );
  assert.ok(box.scrollY > 0, 'the page scrolled to the talk');
  assert.ok(await article(page, 'kalai-hallucinations').locator('.tc-details').isVisible());
  assertNoErrors();
});

// 4 · Favourites ───────────────────────────────────────────────────────────────────────────────

test('stars toggle, "Favourites only" filters, and stars survive a reload', async () => {
  const { page } = suite.session;
  const favouritesOnly = page.getByRole('checkbox', { name: /^Favourites only/ });
  assert.equal(await favouritesOnly.isChecked(), false);
  const picks = ['udell-hessian', 'kalai-hallucinations'];
  for (const id of picks) {
    const star = starOf(page, id);
    assert.equal(await star.getAttribute('aria-pressed'), 'false', `${id} starts unstarred`);
    await star.click();
    await waitFor(async () => (await star.getAttribute('aria-pressed')) === 'true', {
      message: `${id}'s star to be pressed`,
    });
  }
  // A star toggles back off too.
  const third = starOf(page, 'fazel-flat-minima');
  await third.click();
  await waitFor(async () => (await third.getAttribute('aria-pressed')) === 'true', { message: 'star on' });
  await third.click();
  await waitFor(async () => (await third.getAttribute('aria-pressed')) === 'false', { message: 'star off' });

  await favouritesOnly.check();
  await waitFor(() => favouritesOnly.isChecked(), { message: '"Favourites only" to be ticked' });
  let ids = await stableIds(page, 'with favourites only');
  assert.deepEqual([...ids].sort(), [...picks].sort(), 'only the starred talks are shown');
  assert.ok(await page.getByRole('button', { name: 'Remove filter: Favourites', exact: true }).isVisible());
  await favouritesOnly.uncheck();
  ids = await stableIds(page, 'after unticking favourites only');
  assert.equal(ids.length, TOTAL);

  // A fresh load of the plain page (no parameters): the stars come from local storage.
  // (The app then writes the restored stars into the URL as tc-fav; that is its business.)
  const stored = await page.evaluate(() => localStorage.getItem(`talk-catalog:favourites:${location.pathname}`));
  for (const id of picks) assert.ok(stored?.includes(id), `${id} is in local storage: ${JSON.stringify(stored)}`);
  await page.goto(suite.server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-ready] article[data-talk-id]');
  await stableIds(page, 'after reloading');
  const starred = await page.$$eval('article[data-talk-id]', (articles) =>
    articles
      .filter((a) => a.querySelector('button.tc-star')?.getAttribute('aria-pressed') === 'true')
      .map((a) => a.dataset.talkId),
  );
  assert.deepEqual(starred.sort(), [...picks].sort(), 'the stars are restored');
  assertNoErrors();
});

test('garbage in the favourites storage does not break the catalog', async () => {
  const page = await reopen('/', {
    beforeLoad: (context) =>
      context.addInitScript(() => {
        const garbage = '{"not": json]\u0000\nudell-hessian-x\n../../etc\n\ud800' + '\u2603'.repeat(5000);
        localStorage.setItem('talk-catalog:favourites:/', garbage);
        localStorage.setItem('talk-catalog:favourites:', garbage);
      }),
  });
  const ids = await stableIds(page, 'on load with corrupt storage');
  assert.equal(ids.length, TOTAL);
  assert.equal(await page.locator('button.tc-star[aria-pressed="true"]').count(), 0, 'no talk is starred');
  const star = starOf(page, 'udell-hessian');
  await star.click();
  await waitFor(async () => (await star.getAttribute('aria-pressed')) === 'true', { message: 'starring works' });
  assert.deepEqual(await search(page, 'hessian').then((s) => s.includes('udell-hessian')), true);
  assertNoErrors();
});

test('a local storage that throws does not break the catalog or starring', async () => {
  const page = await reopen('/', {
    beforeLoad: (context) =>
      context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }),
  });
  assert.equal(
    await page.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch {
        return 'throws';
      }
    }),
    'throws',
    'the init script is in effect',
  );
  assert.equal((await stableIds(page, 'on load')).length, TOTAL);
  const star = starOf(page, 'kalai-hallucinations');
  await star.click();
  await waitFor(async () => (await star.getAttribute('aria-pressed')) === 'true', { message: 'starring works' });
  await page.getByRole('checkbox', { name: /^Favourites only/ }).check();
  assert.deepEqual(await stableIds(page, 'favourites only'), ['kalai-hallucinations']);
  assertNoErrors();
});

test('a shared favourites link shows exactly its talks', async () => {
  const page = await reopen('/?tc-fav=udell-hessian&tc-favonly=1');
  assert.deepEqual(await stableIds(page, 'on load'), ['udell-hessian']);
  // Someone else's list: the stars show the reader's own (none yet), and the list says whose it is.
  assert.equal(await starOf(page, 'udell-hessian').getAttribute('aria-pressed'), 'false');
  assert.ok(await page.getByRole('region', { name: 'Shared favourites' }).isVisible());
  assert.ok(await page.getByRole('checkbox', { name: /^Favourites only/ }).isChecked());
  assertNoErrors();
});

// 5 · Empty state ──────────────────────────────────────────────────────────────────────────────

test('no results: suggestions with correct counts, and they apply', async () => {
  const { page } = suite.session;
  const hessian = await search(page, 'hessian');
  await search(page, '');
  const control = await setFacet(page, 'Topic', 'Control');
  const suggestion = (pattern) => page.locator('.tc-empty button.tc-suggestion').filter({ hasText: pattern });
  const talks = (n) => (n === 1 ? '1 talk' : `${n} talks`);

  // "zzzqqq" matches nothing, with or without Control.
  assert.deepEqual(await search(page, 'zzzqqq'), []);
  assert.ok(await page.getByText('No talks match.', { exact: true }).isVisible());
  const removeControl = suggestion(/^Remove Control/);
  assert.equal(await removeControl.count(), 1, 'a "Remove Control" suggestion');
  assert.equal((await removeControl.textContent()).trim(), 'Remove Control → 0 talks');
  assert.ok(await removeControl.isDisabled(), 'a suggestion that would still show nothing is disabled');
  assert.equal(
    (await suggestion(/^Clear the search/).textContent()).trim(),
    `Clear the search → ${talks(control.length)}`,
  );
  assert.equal((await suggestion(/^Clear all/).textContent()).trim(), `Clear all → ${talks(TOTAL)}`);

  // "hessian" with Control: removing Control shows the hessian talks.
  assert.deepEqual(await search(page, 'hessian'), [], 'no Control talk mentions the Hessian');
  assert.equal((await removeControl.textContent()).trim(), `Remove Control → ${talks(hessian.length)}`);
  await removeControl.click();
  const after = await stableIds(page, 'after "Remove Control"');
  assert.deepEqual([...after].sort(), [...hessian].sort(), 'the suggestion was applied');
  assert.equal(await facetBox(page, 'Topic', 'Control').isChecked(), false, 'Control is unticked');
  assert.equal(await searchBox(page).inputValue(), 'hessian', 'the query is kept');

  // "Clear all" from the empty state.
  await setFacet(page, 'Topic', 'Optimization');
  assert.ok((await search(page, 'zzzqqq')).length === 0);
  await suggestion(/^Clear all/).click();
  assert.equal((await stableIds(page, 'after "Clear all"')).length, TOTAL);
  assert.equal(await searchBox(page).inputValue(), '');
  assert.equal(await facetBox(page, 'Topic', 'Optimization').isChecked(), false);
  assertNoErrors();
});

// 6 · Keyboard and screen readers ──────────────────────────────────────────────────────────────

test('"/" focuses the search box and Escape clears it', async () => {
  const { page } = suite.session;
  await page.evaluate(() => document.activeElement?.blur());
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.keyboard.press('/');
  await waitFor(async () => (await activeId(page)) === 'tc-search-input', { message: '"/" to focus the search box' });
  assert.equal(
    await searchBox(page).inputValue(),
    '',
    `the "/" is not typed into the box (errors seen: ${JSON.stringify(suite.session.errors)})`,
  );

  await page.keyboard.type('hessian');
  const narrowed = await stableIds(page, 'after typing');
  assert.ok(narrowed.length < TOTAL);
  await page.keyboard.press('Escape');
  await waitFor(async () => (await searchBox(page).inputValue()) === '', { message: 'Escape to clear the box' });
  assert.equal((await stableIds(page, 'after Escape')).length, TOTAL);
  assert.equal(await activeId(page), 'tc-search-input', 'focus stays in the search box');

  // "/" typed inside the search box is text, not the shortcut.
  await page.keyboard.type('a/b');
  assert.equal(await searchBox(page).inputValue(), 'a/b');
  assertNoErrors();
});

test('Tab reaches every kind of control, each with a visible focus outline', async () => {
  const { page } = suite.session;
  await page.evaluate(() => document.activeElement?.blur());
  const wanted = {
    search: (el) => el.id === 'tc-search-input',
    sort: (el) => el.id === 'tc-sort-select',
    facet: (el) => el.kind === 'checkbox' && el.inFacet,
    tag: (el) => el.classes.includes('tc-tag'),
    star: (el) => el.classes.includes('tc-star'),
    toggle: (el) => el.classes.includes('tc-toggle') && el.text === 'Show abstract',
  };
  const found = {};
  for (let i = 0; i < 400 && Object.keys(found).length < Object.keys(wanted).length; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const style = getComputedStyle(a);
      return {
        id: a.id,
        kind: a.type ?? a.localName,
        classes: [...a.classList],
        text: a.textContent.trim(),
        inFacet: !!a.closest('fieldset.tc-facet'),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        focusVisible: a.matches(':focus-visible'),
      };
    });
    if (!el) continue;
    for (const [name, test] of Object.entries(wanted)) {
      if (!found[name] && test(el)) found[name] = el;
    }
  }
  assert.deepEqual(Object.keys(found).sort(), Object.keys(wanted).sort(), 'Tab reaches every kind of control');
  for (const [name, el] of Object.entries(found)) {
    assert.ok(el.focusVisible, `${name} matches :focus-visible when reached by Tab`);
    assert.notEqual(el.outlineStyle, 'none', `${name} (${el.id || el.classes}) has an outline`);
    assert.ok(el.outlineWidth > 0, `${name} has an outline wider than 0 (${el.outlineWidth}px)`);
  }
  assertNoErrors();
});

test('a live status region and a sound heading outline', async () => {
  const { page } = suite.session;
  assert.equal(await page.locator('[role="status"]').count(), 1, 'one status region');
  assert.match(await statusText(page), /^\s*20 talks\s*$/);
  await search(page, 'hessian');
  assert.match(await statusText(page), /^\s*\d+ of 20 talks\s*$/);
  await search(page, '');

  // Expand every talk so that the section headings are rendered and shown.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await waitFor(async () => (await expandedStates(page)).every((s) => s === 'true'), { message: 'all expanded' });
  const outline = await page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
    const articles = [...document.querySelectorAll('article[data-talk-id]')];
    return {
      h1: document.querySelectorAll('h1').length,
      strayInWidget: headings
        .filter((h) => h.closest('.tc') && !h.closest('article[data-talk-id]'))
        .map((h) => `${h.localName}: ${h.textContent}`),
      talks: articles.map((a) => ({
        id: a.dataset.talkId,
        levels: [...a.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.localName),
        titleTag: a.querySelector('.tc-talk-title')?.localName,
        sectionLevels: [...a.querySelectorAll('.tc-details :is(h1, h2, h3, h4, h5, h6)')].map((h) => h.localName),
      })),
    };
  });
  assert.equal(outline.h1, 1, 'exactly one h1');
  assert.deepEqual(outline.strayInWidget, [], 'no headings in the widget outside the talks');
  assert.equal(outline.talks.length, TOTAL);
  let sections = 0;
  for (const talk of outline.talks) {
    assert.equal(talk.titleTag, 'h2', `${talk.id}'s title is an h2`);
    assert.equal(talk.levels[0], 'h2', `${talk.id} starts with its h2`);
    assert.equal(talk.levels.filter((l) => l === 'h2').length, 1, `${talk.id} has one h2`);
    assert.ok(talk.sectionLevels.every((l) => l === 'h3'), `${talk.id}'s section headings are h3`);
    assert.equal(talk.levels.length, 1 + talk.sectionLevels.length, `${talk.id} has no other headings`);
    sections += talk.sectionLevels.length;
  }
  assert.ok(sections > TOTAL, 'the talks have section headings (related talks, bios, …)');
  assertNoErrors();
});

// 7 · Styles ───────────────────────────────────────────────────────────────────────────────────

test('no horizontal scrolling at 320px, collapsed or expanded', async () => {
  const page = await reopen('/', { contextOptions: { viewport: { width: 320, height: 640 } } });
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.scrollWidth;
      // The likely culprits: the widest unbreakable runs of visible text.
      const runs = [];
      const walker = document.createTreeWalker(document.querySelector('.tc'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement.checkVisibility()) continue;
        for (const match of node.data.matchAll(/\S{12,}/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const where = node.parentElement.closest('[data-talk-id]')?.dataset.talkId ?? 'widget';
          // The widest line box of the run (a run broken at a hyphen spans two lines).
          const width = Math.max(0, ...[...range.getClientRects()].map((r) => r.width));
          runs.push({ text: `${where}: ${JSON.stringify(match[0])}`, width });
        }
      }
      runs.sort((a, b) => b.width - a.width);
      const wide = runs.slice(0, 3).map((r) => `${r.text} (${Math.round(r.width)}px)`).join(', ');
      return { width, innerWidth, wide };
    });
  let o = await overflow();
  assert.ok(o.width <= o.innerWidth, `initial: scrollWidth ${o.width} > ${o.innerWidth}; widest unbreakable text: ${o.wide}`);

  await page.locator('details.tc-filters > summary').click();
  await waitFor(() => page.locator('details.tc-filters').evaluate((d) => d.open), { message: 'filters open' });
  o = await overflow();
  assert.ok(o.width <= o.innerWidth, `filters open: scrollWidth ${o.width} > ${o.innerWidth}; widest unbreakable text: ${o.wide}`);

  await page.getByRole('button', { name: 'Expand all' }).click();
  await waitFor(async () => (await expandedStates(page)).every((s) => s === 'true'), { message: 'all expanded' });
  await settle(page);
  o = await overflow();
  assert.ok(o.width <= o.innerWidth, `expanded: scrollWidth ${o.width} > ${o.innerWidth}; widest unbreakable text: ${o.wide}`);
  assertNoErrors();
});

test('reduced motion turns transitions off', async () => {
  const duration = (page) =>
    page.locator('.tc-toggle').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  const normal = await duration(suite.session.page);
  assert.ok(
    normal.split(',').some((d) => parseFloat(d) > 0),
    `without the preference the toggle has a transition (${normal})`,
  );
  assertNoErrors();

  const page = await reopen('/', { contextOptions: { reducedMotion: 'reduce' } });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  assert.equal(await duration(page), '0s');
  assertNoErrors();
});

test('print shows every shown talk in full, without the controls', async () => {
  const { page } = suite.session;
  const shown = await search(page, 'optimization');
  assert.ok(shown.length > 1);
  await page.emulateMedia({ media: 'print' });
  const display = await page.evaluate(() => {
    const d = (el) => (el ? getComputedStyle(el).display : 'missing');
    return {
      filters: d(document.querySelector('.tc-filters')),
      talks: [...document.querySelectorAll('article[data-talk-id]')].map((a) => ({
        id: a.dataset.talkId,
        details: d(a.querySelector('.tc-details')),
        toggle: d(a.querySelector('.tc-toggle')),
        star: d(a.querySelector('.tc-star')),
      })),
    };
  });
  assert.equal(display.filters, 'none', 'the filters are not printed');
  assert.equal(display.talks.length, shown.length);
  for (const t of display.talks) {
    assert.notEqual(t.details, 'none', `${t.id}'s details are printed`);
    assert.notEqual(t.details, 'missing', `${t.id} has details`);
    assert.equal(t.toggle, 'none', `${t.id}'s toggle is not printed`);
    assert.equal(t.star, 'none', `${t.id}'s star is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });
  assert.notEqual(await page.locator('.tc-toggle').first().evaluate((el) => getComputedStyle(el).display), 'none');
  assertNoErrors();
});

test('dark colour scheme gives light text; data-theme="light" forces the light theme', async () => {
  const { page } = suite.session;
  await page.emulateMedia({ colorScheme: 'light' });
  const light = luminance(await widgetColor(page));
  assert.ok(light < 0.2, `light scheme: dark text (luminance ${light.toFixed(3)})`);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await waitFor(async () => {
    const l = luminance(await widgetColor(page));
    return l > 0.5 ? l : false;
  }, { message: 'light text under the dark scheme' });
  assert.ok(dark > 0.5);

  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  const forced = await waitFor(async () => {
    const l = luminance(await widgetColor(page));
    return l < 0.2 ? l : false;
  }, { message: 'dark text with data-theme="light" under the dark scheme' });
  assert.ok(forced < 0.2);
  // The card surface follows: a light background behind the dark text.
  const surface = await page.locator('.tc-talk').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.ok(luminance(surface) > 0.8, `forced light: the card surface is light (${surface})`);
  assertNoErrors();
});
