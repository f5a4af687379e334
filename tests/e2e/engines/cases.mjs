// Cross-engine end-to-end tests: the release build (dist/) in Chromium, Firefox and WebKit, each
// driven through the one interface of driver.mjs. Run all engines, or some with $ENGINES:
//   xvfb-run -a node --test tests/e2e/engines/cases.mjs           (scripts/test does this)
//   ENGINES=firefox node --test tests/e2e/engines/cases.mjs        (no display needed without webkit)
// (`node --test tests/e2e/` doesn't pick this file up: its name doesn't look like a test file's;
// that command is the Playwright suite, which is Chromium-only.)
//
// To add a test: write `async function yourCase({ open, url, server, engine })` below, using only
// the driver's page interface (goto, reload, evaluate, click, type, waitFor, resize, setOffline) and the
// helpers here (ready, settled, search, talkState, …), and add it to CASES with a title. That's
// all: it runs in every engine, each case with fresh pages and storage.
//   open(path or url, { checkErrors })  opens a fresh page there and waits for the app (`ready`);
//                                       open(null) opens a blank one. After the case, every page
//                                       it opened must have recorded no errors (console errors,
//                                       uncaught errors, unhandled rejections, failed resources),
//                                       unless opened with checkErrors: false. Pages are closed.
//   url(path)                           an address on `server`, which serves dist/
//   engine                              { name, version, newPage() }
// Wait by polling a condition (page.waitFor, settled), never by sleeping; evaluate() functions
// run in the page, so they can't see this file's variables: pass what they need as arguments.
// A failed case logs its pages' errors and leaves their screenshots in target/e2e-engines/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, FRAGMENT, ROOT, fixtureDist, hostSite, startServer, statusCount, waitFor } from '../harness.mjs';
import { enginesToRun, launchEngine } from './driver.mjs';

/** The error recorder, inline (so pages the service worker serves offline have it too). */
const RECORDER = `<script>${readFileSync(new URL('./record-errors.js', import.meta.url), 'utf8')}</script>`;
const TOTAL = 20;
/** The seed talks' ids in programme order (data/talks.toml: each `id` right after `[[talks]]`). */
const PROGRAMME = [...readFileSync(new URL('../../../data/talks.toml', import.meta.url), 'utf8').matchAll(/^\[\[talks\]\]\r?\nid = "([^"]+)"/gm)].map((m) => m[1]);
const SEARCH = 'input[type="search"]';
/** Where a failed case leaves screenshots of its pages. */
const FAILURES = join(ROOT, 'target', 'e2e-engines');

// Helpers ───────────────────────────────────────────────────────────────────────────────────────

/** Two animation frames: what the page just rendered has been through a rendering update. */
function nextFrames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
}

/**
 * Waits until the app has taken over from the pre-rendered talks (the host is `data-ready`) and
 * has painted them. (Until a rendering update has decided they are on screen, WebKit doesn't
 * hit-test inside the new `content-visibility: auto` cards — for up to ~100 ms here — so a
 * click that early reaches the list item, and WebDriver refuses it as not interactable.)
 */
async function ready(page) {
  await page.waitFor(() => document.querySelector('[data-ready] article[data-talk-id]') !== null, {
    timeout: 15000,
    message: 'the app to mark its host data-ready, with talks',
  });
  await nextFrames(page);
}

/** The shown talk ids (in order) and the status text, after two animation frames. */
function view(page) {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    return {
      ids: [...document.querySelectorAll('article[data-talk-id]')].map((a) => a.dataset.talkId),
      status: document.querySelector('[role="status"]')?.textContent ?? '',
    };
  });
}

/** Waits until the status counts the shown talks and the list is the same twice running. */
function settled(page, what = '') {
  let previous;
  return waitFor(
    async () => {
      const now = await view(page);
      const key = JSON.stringify(now);
      const same = key === previous;
      previous = key;
      return same && statusCount(now.status) === now.ids.length ? now : false;
    },
    { message: `the list and the status to settle ${what}`.trim() },
  );
}

/** Types `text` over the search box's text and resolves to the settled view. */
async function search(page, text) {
  await page.type(SEARCH, text);
  await page.waitFor((text) => document.querySelector('input[type="search"]').value === text, {
    args: [text],
    message: `the search box to hold ${JSON.stringify(text)}`,
  });
  return settled(page, `after typing ${JSON.stringify(text)}`);
}

/** A talk's card, as the reader sees it: expanded, details visible, star pressed, heading. */
function talkState(page, id) {
  return page.evaluate((id) => {
    const card = document.querySelector(`article[data-talk-id="${id}"]`);
    if (!card) return null;
    const toggle = card.querySelector('button.tc-toggle');
    const details = document.getElementById(toggle.getAttribute('aria-controls'));
    const heading = card.querySelector('.tc-talk-title');
    const box = heading.getBoundingClientRect();
    return {
      expanded: toggle.getAttribute('aria-expanded'),
      toggleText: toggle.textContent.trim(),
      detailsVisible: details.checkVisibility(),
      abstract: [...card.querySelectorAll('.tc-abstract p')].map((p) => ({ text: p.textContent, visible: p.checkVisibility() })),
      starred: card.querySelector('button.tc-star').getAttribute('aria-pressed'),
      headingInView: box.top >= 0 && box.bottom <= innerHeight,
      headingFocused: document.activeElement === heading,
    };
  }, id);
}

/** A facet checkbox by its fieldset's legend and its label (the text before the count). */
function facetOption(page, legend, name) {
  return page.evaluate(
    (legend, name) => {
      const fieldset = [...document.querySelectorAll('fieldset.tc-facet')].find((f) => f.querySelector('legend')?.textContent.trim() === legend);
      const label = [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => l.textContent.replace(/\(\d+\)\s*$/, '').trim() === name);
      const box = label && document.getElementById(label.htmlFor);
      if (!box) return null;
      const rect = box.getBoundingClientRect();
      return {
        selector: `#${CSS.escape(box.id)}`,
        checked: box.checked,
        count: Number(/\((\d+)\)\s*$/.exec(label.textContent)[1]),
        visible: box.checkVisibility() && rect.width > 0 && rect.height > 0,
      };
    },
    legend,
    name,
  );
}

/** The topic labels of every shown talk. */
function shownTags(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article[data-talk-id]')].map((a) => [...a.querySelectorAll('.tc-tag')].map((t) => t.textContent.trim())),
  );
}

// Cases ─────────────────────────────────────────────────────────────────────────────────────────

async function load({ open }) {
  const page = await open('/');
  const { ids, status } = await settled(page, 'after loading');
  assert.equal(PROGRAMME.length, TOTAL, 'the seed has 20 talks');
  assert.deepEqual(ids, PROGRAMME, 'every seed talk, in programme order');
  assert.equal(status.trim(), `${TOTAL} talks`);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.tc-talk')).borderTopStyle);
  assert.equal(styled, 'solid', 'the stylesheet applies');
}

async function searching({ open }) {
  const page = await open('/');
  let { ids, status } = await search(page, 'hessian');
  assert.equal(ids[0], 'udell-hessian', `"hessian" ranks udell-hessian first: ${ids}`);
  assert.ok(ids.length > 0 && ids.length < TOTAL, `"hessian" narrows the list: ${ids}`);
  assert.equal(status.trim(), `${ids.length} of ${TOTAL} talks`);
  assert.ok(await page.evaluate(() => document.querySelector('article[data-talk-id] mark') !== null), 'matches are highlighted');

  ({ ids } = await search(page, 'zzzqqq'));
  assert.deepEqual(ids, [], 'nothing matches nonsense');

  ({ ids } = await search(page, ''));
  assert.equal(ids.length, TOTAL, 'clearing the box shows every talk again');
}

async function accentFolding({ open }) {
  const page = await open('/');
  for (const query of ['velickovic', 'VELIČKOVIĆ', 'universite paris']) {
    const { ids } = await search(page, query);
    const want = query === 'universite paris' ? 'boyer-single-location' : 'velickovic-competitive-programming';
    assert.equal(ids[0], want, `${JSON.stringify(query)} ranks ${want} first: ${ids}`);
    assert.ok(ids.length < TOTAL, `${JSON.stringify(query)} narrows the list`);
  }
}

async function facets({ open }) {
  const page = await open('/');
  // Side by side (VIEWPORT is 1280 px wide) the filters show without opening their summary;
  // an engine without ::details-content keeps the summary (catalog.css): open it.
  const folded = await page.evaluate(() => !document.querySelector('.tc-filters').open && document.querySelector('.tc-filters > summary').checkVisibility());
  if (folded) await page.click('.tc-filters > summary');
  let control = await facetOption(page, 'Topic', 'Control');
  assert.ok(control?.visible, `the Topic checkbox "Control" is on screen: ${JSON.stringify(control)}`);
  assert.equal(control.checked, false);

  await page.click(control.selector);
  await page.waitFor((selector) => document.querySelector(selector).checked, { args: [control.selector], message: 'Control to be ticked' });
  const { ids, status } = await settled(page, 'after ticking Control');
  assert.equal(ids.length, control.count, `as many talks as the label counted (${control.count}): ${ids}`);
  assert.equal(status.trim(), `${control.count} of ${TOTAL} talks`);
  for (const [i, tags] of (await shownTags(page)).entries()) assert.ok(tags.includes('Control'), `${ids[i]} is about Control: ${tags}`);
  // The other groups count within the ticked topic: the formats add up to Control's talks.
  const formats = await Promise.all(['Talk', 'Tutorial'].map((name) => facetOption(page, 'Format', name)));
  assert.equal(formats.reduce((sum, format) => sum + (format?.count ?? 0), 0), control.count, JSON.stringify(formats));

  await page.click(control.selector);
  await page.waitFor((selector) => !document.querySelector(selector).checked, { args: [control.selector], message: 'Control to be unticked' });
  assert.equal((await settled(page, 'after unticking Control')).ids.length, TOTAL);
  control = await facetOption(page, 'Topic', 'Control');
  assert.equal(control.checked, false);
}

async function expand({ open }) {
  const page = await open('/');
  const [id] = (await settled(page)).ids;
  let talk = await talkState(page, id);
  assert.equal(talk.expanded, 'false');
  assert.equal(talk.detailsVisible, false, 'collapsed: the details are hidden');
  assert.equal(talk.toggleText, 'Show abstract');

  await page.click(`article[data-talk-id="${id}"] button.tc-toggle`);
  await page.waitFor(
    (id) => document.querySelector(`article[data-talk-id="${id}"] button.tc-toggle`).getAttribute('aria-expanded') === 'true',
    { args: [id], message: `${id} to expand` },
  );
  talk = await talkState(page, id);
  assert.equal(talk.toggleText, 'Hide abstract');
  assert.ok(talk.detailsVisible, 'expanded: the details show');
  assert.ok(talk.abstract.length > 0 && talk.abstract.every((p) => p.visible && p.text.trim()), `every abstract paragraph shows: ${JSON.stringify(talk.abstract)}`);
}

async function narrowWindow({ open }) {
  const page = await open('/');
  await page.resize(390, 844);
  const layout = () =>
    page.evaluate(() => ({
      width: innerWidth,
      scrolls: document.documentElement.scrollWidth > innerWidth,
      summary: document.querySelector('.tc-filters > summary').checkVisibility(),
      facet: document.querySelector('.tc-facet input').checkVisibility(),
    }));
  const folded = await waitFor(async () => {
    const now = await layout();
    return now.width < 832 && now;
  }, { message: 'the window to narrow' });
  assert.ok(folded.width <= 480, `a phone-like width: ${folded.width}px`);
  assert.deepEqual(folded, { ...folded, scrolls: false, summary: true, facet: false }, 'the filters fold away behind their summary');
  await page.click('.tc-filters > summary');
  await page.waitFor(() => document.querySelector('.tc-facet input').checkVisibility(), { message: 'the summary to open the filters' });
  const [id] = (await settled(page)).ids;
  await page.click(`article[data-talk-id="${id}"] button.tc-toggle`);
  await page.waitFor((id) => document.getElementById(`tc-details-${id}`)?.checkVisibility(), { args: [id], message: `${id} to expand` });
  assert.equal((await layout()).scrolls, false, 'no horizontal scrolling, filters open and a card expanded');
}

async function deepLinkAndReload({ open }) {
  const id = 'kalai-hallucinations';
  const page = await open(`/?tc-talk=${id}`);
  const opened = async (what) => {
    await page.waitFor(
      (id) => {
        const card = document.querySelector(`article[data-talk-id="${id}"]`);
        const heading = card?.querySelector('.tc-talk-title');
        const box = heading?.getBoundingClientRect();
        return card?.querySelector('button.tc-toggle').getAttribute('aria-expanded') === 'true' &&
          document.activeElement === heading && box.top >= 0 && box.bottom <= innerHeight;
      },
      { args: [id], message: `${id} to be expanded, focused and in view ${what}` },
    );
    assert.ok((await talkState(page, id)).detailsVisible, `its details show ${what}`);
    assert.equal(new URL(await page.url()).searchParams.get('tc-talk'), id, `the address keeps tc-talk ${what}`);
  };
  await opened('from the link');
  await page.reload();
  await ready(page);
  await opened('after a reload');
}

async function favourites({ open }) {
  const id = 'udell-hessian';
  const star = `article[data-talk-id="${id}"] button.tc-star`;
  const page = await open('/');
  assert.equal((await talkState(page, id)).starred, 'false');
  await page.click(star);
  await page.waitFor((star) => document.querySelector(star).getAttribute('aria-pressed') === 'true', { args: [star], message: 'the star to be pressed' });
  const stored = await page.evaluate(() => localStorage.getItem(`talk-catalog:favourites:${location.pathname}`));
  assert.ok(stored?.includes(id), `kept in local storage: ${JSON.stringify(stored)}`);

  await page.reload();
  await ready(page);
  await settled(page, 'after a reload');
  const starred = await page.evaluate(() =>
    [...document.querySelectorAll('button.tc-star[aria-pressed="true"]')].map((b) => b.closest('article').dataset.talkId),
  );
  assert.deepEqual(starred, [id], 'still starred after a reload');
}

async function offlineReload({ open }) {
  // A server of its own, closed mid-test: requests that reach the network find nobody there.
  const own = await startServer(DIST, { inject: RECORDER });
  try {
    const page = await open(own.url);
    await page.waitFor(() => navigator.serviceWorker?.controller != null, { timeout: 15000, message: 'the service worker to control the page' });
    await own.close();
    await page.setOffline(true); // where the engine can: then navigator.onLine is false too
    await page.reload();
    await ready(page);
    assert.equal((await settled(page, 'offline')).ids.length, TOTAL, 'every talk, from the cache');
    const { ids } = await search(page, 'hessian');
    assert.equal(ids[0], 'udell-hessian', `search works offline: ${ids}`);
  } finally {
    await own.close();
  }
}

async function embed({ open }) {
  const site = await hostSite(
    {
      'index.html': `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Our conference</title></head>
<body>
  <h1>Our conference</h1>
  <div id="talk-catalog" data-url-sync="false"></div>
  <script type="module" src="/talks/embed.js"></script>
</body>
</html>`,
    },
    'talks',
    { inject: RECORDER },
  );
  try {
    const page = await open(new URL('/?lang=fr#programme', site.url).href);
    assert.equal((await settled(page, 'in the host page')).ids.length, TOTAL);
    const mounted = await page.evaluate(() => ({
      inHost: document.querySelector('#talk-catalog > .tc') !== null,
      styled: getComputedStyle(document.querySelector('.tc-talk')).borderTopStyle,
    }));
    assert.deepEqual(mounted, { inHost: true, styled: 'solid' }, 'mounted in the host element, with its stylesheet');
    const { ids } = await search(page, 'hessian');
    assert.equal(ids[0], 'udell-hessian', `search works embedded: ${ids}`);
    const address = new URL(await page.url());
    assert.equal(address.search + address.hash, '?lang=fr#programme', 'data-url-sync="false" leaves the address alone');
  } finally {
    await site.close();
  }
}

async function errorRecorder({ open }) {
  // The "no errors" check after every case is only as good as the recorder: show it hears.
  const page = await open('/', { checkErrors: false });
  await page.evaluate(() => {
    // As a script of the page's own: errors of the driver's evaluated code may be muted
    // ("Script error.", no unhandledrejection event), as those of a cross-origin script are.
    const script = document.createElement('script');
    script.textContent = `
      console.error('probe: console');
      setTimeout(() => { throw new Error('probe: thrown'); });
      Promise.reject(new Error('probe: rejected'));
      document.body.append(Object.assign(document.createElement('img'), { src: 'probe-missing.png' }));`;
    document.head.append(script);
  });
  const want = ['console.error: probe: console', 'probe: thrown', 'unhandledrejection: Error: probe: rejected', 'resource failed: <img>'];
  const heard = (errors) => want.every((text) => errors.some((error) => error.includes(text)));
  await waitFor(async () => heard(await page.errors()), { message: `the recorder to hear ${JSON.stringify(want)}` }).catch(async (error) => {
    assert.fail(`${error.message}; recorded: ${JSON.stringify(await page.errors(), null, 2)}`);
  });
  await page.reload();
  await ready(page);
  assert.ok(heard(await page.errors()), 'a reload keeps what was recorded');
}

// Sequences across features: each of these failed in Chromium before its fix. ─────────────────

const card = (id) => `article[data-talk-id="${id}"]`;

/** The talk ids stored as this page's favourites, in stored order. */
function storedStars(page) {
  return page.evaluate(() => (localStorage.getItem(`talk-catalog:favourites:${location.pathname}`) ?? '').split('\n').filter(Boolean));
}

function starredIds(page) {
  return page.evaluate(() => [...document.querySelectorAll('button.tc-star[aria-pressed="true"]')].map((b) => b.closest('article').dataset.talkId));
}

async function toggleStar(page, id) {
  const star = `${card(id)} button.tc-star`;
  const before = await page.evaluate((star) => document.querySelector(star).getAttribute('aria-pressed'), star);
  await page.click(star);
  await page.waitFor((star, before) => document.querySelector(star).getAttribute('aria-pressed') !== before, {
    args: [star, before],
    message: `${id}'s star to toggle`,
  });
}

/** Clicks a talk's "Show abstract" and waits until it is expanded. */
async function openTalk(page, id) {
  const toggle = `${card(id)} button.tc-toggle`;
  await page.click(toggle);
  await page.waitFor((toggle) => document.querySelector(toggle).getAttribute('aria-expanded') === 'true', { args: [toggle], message: `${id} to expand` });
}

async function starsSurviveBackAndForward({ open }) {
  const page = await open('/');
  await toggleStar(page, 'udell-hessian');
  await openTalk(page, 'kalai-hallucinations');
  const openedInAddress = () => new URLSearchParams(location.search).get('tc-talk') === 'kalai-hallucinations';
  await page.waitFor(openedInAddress, { message: 'the opened talk in the address' });
  await page.evaluate(() => history.back());
  await page.waitFor(
    (toggle) => !new URLSearchParams(location.search).has('tc-talk') && document.querySelector(toggle).getAttribute('aria-expanded') === 'false',
    { args: [`${card('kalai-hallucinations')} button.tc-toggle`], message: 'Back to the plain page, the talk collapsed' },
  );
  await settled(page, 'after Back');
  assert.deepEqual(await starredIds(page), ['udell-hessian'], 'the star is shown after Back');
  assert.deepEqual(await storedStars(page), ['udell-hessian'], 'and still stored');
  await page.evaluate(() => history.forward());
  await page.waitFor(openedInAddress, { message: 'Forward to the opened talk' });
  await settled(page, 'after Forward');
  assert.deepEqual(await starredIds(page), ['udell-hessian']);
  assert.deepEqual(await storedStars(page), ['udell-hessian']);
}

async function sharedFavourites({ open, url }) {
  const page = await open('/');
  await toggleStar(page, 'fazel-flat-minima');
  await toggleStar(page, 'udell-hessian');
  await page.goto(url('/?tc-fav=lee-causal-structure&tc-fav=udell-hessian&tc-favonly=1'));
  await ready(page);
  assert.deepEqual((await settled(page, 'on the shared list')).ids, ['udell-hessian', 'lee-causal-structure']);
  const notice = () => page.evaluate(() => document.querySelector('section.tc-shared')?.innerText ?? '');
  assert.match(await notice(), /someone's shared favourites \(2 talks\)/);
  assert.deepEqual(await starredIds(page), ['udell-hessian'], 'the stars shown are the own ones');
  await toggleStar(page, 'lee-causal-structure');
  assert.deepEqual(await storedStars(page), ['fazel-flat-minima', 'udell-hessian', 'lee-causal-structure'], 'a star adds to the own list');
  await toggleStar(page, 'lee-causal-structure');
  assert.deepEqual(await storedStars(page), ['fazel-flat-minima', 'udell-hessian']);
  await page.click('section.tc-shared button.tc-suggestion');
  await page.waitFor(() => /All of these are in your favourites/.test(document.querySelector('section.tc-shared')?.innerText), {
    message: '"Add these to my favourites" to add them',
  });
  assert.deepEqual((await storedStars(page)).sort(), ['fazel-flat-minima', 'lee-causal-structure', 'udell-hessian']);
}

async function workerAnswersOnlyForTheCatalog({ open }) {
  // dist/ deployed at a site root, beside the site's own page and a plain file.
  const other = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Other</title></head><body><h1>Another page</h1></body></html>';
  // (The site has an icon: the browser asks for /favicon.ico when it shows the plain file.)
  const files = { 'other.html': other, 'notes.txt': 'Plain notes.\n', 'favicon.ico': '' };
  const site = await hostSite(files, '', { inject: RECORDER });
  try {
    const page = await open(site.url);
    await page.waitFor(() => navigator.serviceWorker?.controller != null, { timeout: 15000, message: 'the service worker to control the page' });
    for (const [path, text] of [['other.html', 'Another page'], ['notes.txt', 'Plain notes.']]) {
      await page.goto(new URL(path, site.url).href);
      const shown = await page.evaluate(() => ({ talks: document.querySelectorAll('article[data-talk-id]').length, text: document.body.innerText.trim() }));
      assert.deepEqual(shown, { talks: 0, text }, `${path} is the site's, not the catalog`);
    }
    // Off the site before it closes: a request still in flight (the icon) would be reset.
    await page.goto('about:blank');
  } finally {
    await site.close();
  }
}

const HOST_PAGE = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Programme</title>${head}</head>
<body><h1>Programme</h1>${body}<script type="module" src="/talks/embed.js"></script></body></html>`;

async function linksKeepTheHostAddress({ open }) {
  const site = await hostSite({ 'page.html': HOST_PAGE('', '<div id="talk-catalog"></div>') }, 'talks', { inject: RECORDER });
  try {
    const page = await open(new URL('page.html?id=7#programme', site.url).href);
    await openTalk(page, 'kalai-hallucinations');
    const links = `${card('kalai-hallucinations')} .tc-more a`;
    const hrefs = await page.evaluate((links) => [...document.querySelectorAll(links)].map((a) => a.href), links);
    assert.ok(hrefs.length > 0, 'related talks are linked');
    for (const href of hrefs) {
      const address = new URL(href);
      assert.deepEqual([address.pathname, address.searchParams.get('id'), address.hash], ['/page.html', '7', '#programme'], href);
      assert.ok(address.searchParams.get('tc-talk'), href);
    }
    const target = new URL(hrefs[0]).searchParams.get('tc-talk');
    await page.click(links);
    await page.waitFor(
      (id) => document.querySelector(`article[data-talk-id="${id}"] button.tc-toggle`).getAttribute('aria-expanded') === 'true' && document.activeElement?.id === `tc-title-${id}`,
      { args: [target], message: `${target} to open in place, focused` },
    );
    const after = new URL(await page.url());
    assert.deepEqual([after.pathname, after.searchParams.get('id'), after.hash], ['/page.html', '7', '#programme']);
  } finally {
    await site.close();
  }
}

async function copyLinkWithoutClipboard({ open, url }) {
  const breakages = [
    () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    },
    () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true });
    },
  ];
  // One page, opened afresh for each (WebKit's driver keeps one page at a time).
  const page = await open('/');
  for (const breakage of breakages) {
    if (breakage !== breakages[0]) {
      await page.goto(url('/'));
      await ready(page);
    }
    // The clipboard is looked up when "Copy link" is pressed: take it away (or make it refuse) now.
    await page.evaluate(breakage);
    await openTalk(page, 'kalai-hallucinations');
    await page.click(`${card('kalai-hallucinations')} button.tc-copy`);
    const field = await page.waitFor(
      () => {
        const input = document.getElementById('tc-link-kalai-hallucinations');
        if (!input) return false;
        const selected = document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length;
        return { value: input.value, readOnly: input.readOnly, selected };
      },
      { message: 'the link in a field' },
    );
    assert.equal(new URL(field.value).searchParams.get('tc-talk'), 'kalai-hallucinations');
    assert.deepEqual([field.readOnly, field.selected], [true, true], 'read-only, focused, the whole link selected');
    await page.waitFor(() => /^Could not copy the link/.test(document.querySelector('.tc [aria-live]').textContent), { message: 'the failure announced' });
  }
}

async function operatorAfterAWord({ open }) {
  const page = await open('/');
  const { ids: finished } = await search(page, 'deep ');
  assert.ok(finished.length > 0 && finished.length < (await search(page, 'deep')).ids.length, 'a finished word matches fewer talks than its prefix');
  for (const typed of ['deep -', 'deep speaker:', 'deep "']) assert.deepEqual((await search(page, typed)).ids, finished, typed);
}

/**
 * In the page, before its scripts: `__boxes()` measures the header, the filters and the first
 * cards (every card laid out in full), and `__seen` records them when the widget's stylesheet
 * has loaded (`styled`, with whether the app had taken over) and when the app is ready.
 */
const WATCH_TAKEOVER = `<style>.tc-list > li { content-visibility: visible !important; }</style><script>
window.__boxes = () => ['.tc-header', '.tc-filters', ...[1, 2, 3].map((n) => '.tc-list > li:nth-child(' + n + ') article')].map((selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return [selector, box.x, box.y, box.width, box.height];
});
const seen = (window.__seen = {});
document.addEventListener('load', (event) => {
  if (!seen.styled && event.target.matches && event.target.matches('link[rel="stylesheet"][href*="catalog-"]')) {
    seen.styled = { ready: document.querySelector('[data-ready]') !== null, boxes: window.__boxes() };
  }
}, true);
new MutationObserver(() => {
  if (!seen.ready && document.querySelector('[data-ready]')) seen.ready = window.__boxes();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
</script>`;

async function embedWaitsForItsStylesheet({ open }) {
  const fragment = readFileSync(FRAGMENT, 'utf8');
  const slowStylesheet = (path) => (/\/catalog-[^/]*\.css$/.test(path) ? 1000 : 0);
  const pages = { 'host.html': HOST_PAGE(WATCH_TAKEOVER, `<div id="talk-catalog">${fragment}</div>`) };
  const site = await hostSite(pages, 'talks', { inject: RECORDER, delay: slowStylesheet });
  try {
    const page = await open(new URL('host.html', site.url).href);
    await page.waitFor(() => window.__seen.styled && window.__seen.ready, { message: 'the stylesheet and the app' });
    await nextFrames(page);
    const [seen, now] = await Promise.all([page.evaluate(() => window.__seen), page.evaluate(() => window.__boxes())]);
    assert.equal(seen.styled.ready, false, 'the app waited for its stylesheet');
    assert.deepEqual(seen.styled.boxes, now, 'the styled fragment is where the app puts the talks');
    assert.deepEqual(seen.ready, now, 'nothing moved after the app took over');
  } finally {
    await site.close();
  }
}

/** Title → case. Every engine runs each of them. */
/**
 * A schedule (`scripts/build-fixture schedule`): times read in the event's zone whatever the
 * machine's, and in the viewer's own once chosen, named as this engine's `Intl` names it.
 */
async function scheduleTimes({ open }) {
  const server = await startServer(fixtureDist('schedule'), { inject: RECORDER });
  try {
    const page = await open(server.url);
    const when = () => page.evaluate(() => document.querySelector('[data-talk-id="hessian-free"] .tc-when').textContent);
    // Berlin, 10:00–10:45 on 28 March 2026: the talk's local times in the data.
    assert.match(await when(), /\b10:00\D+10:45\b/);
    const viewerZone = await page.evaluate(() => {
      // As the app names it: in the browser's English if it has one (WebKit's may be "C", no tag).
      const english = /^en\b/i.test(navigator.language) ? [navigator.language, 'en'] : ['en'];
      const parts = new Intl.DateTimeFormat(english, { timeZoneName: 'short' }).formatToParts(new Date('2026-03-28T09:00:00Z'));
      return parts.find((part) => part.type === 'timeZoneName').value;
    });
    await page.evaluate(() => {
      const select = document.getElementById('tc-zone-select');
      select.value = 'local';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitFor((zone) => document.querySelector('[data-talk-id="hessian-free"] .tc-when').textContent.includes(zone), {
      args: [viewerZone],
      message: `the times in the viewer's zone (${viewerZone})`,
    });
  } finally {
    await server.close();
  }
}

/** Fixes the page's clock at `iso` before anything runs: `Date.now()` and `new Date()` read it. */
function fixedClock(iso) {
  return `<script>(() => { const at = Date.parse(${JSON.stringify(iso)}); const Real = Date;
    globalThis.Date = class extends Real { constructor(...args) { super(...(args.length ? args : [at])); } static now() { return at; } };
  })();</script>`;
}

/**
 * A schedule on its second day (the clock fixed): upcoming talks first, the first day's under
 * "Past talks"; a room checkbox narrows them; typed links are safe links; "Add to calendar"
 * makes the talk's iCalendar file (read from the `Blob` it downloads, the download itself
 * held back: engines differ in what they do with one).
 */
async function scheduleFacetsPastLinksAndCalendar({ open }) {
  const server = await startServer(fixtureDist('schedule'), { inject: RECORDER + fixedClock('2026-03-30T07:45:00Z') });
  try {
    const page = await open(server.url);
    let { ids } = await settled(page, 'on the second day');
    assert.deepEqual(ids, ['schrittweiten', 'closing-panel', 'hessian-free']);
    const groups = await page.evaluate(() => [...document.querySelectorAll('.tc-group-title')].map((title) => title.textContent));
    assert.equal(groups.at(-1), 'Past talks', JSON.stringify(groups));

    const folded = await page.evaluate(() => !document.querySelector('.tc-filters').open && document.querySelector('.tc-filters > summary').checkVisibility());
    if (folded) await page.click('.tc-filters > summary');
    await page.click('#tc-facet-room-0');
    await page.waitFor(() => document.querySelector('#tc-facet-room-0').checked, { message: 'Saal 1 to be ticked' });
    ({ ids } = await settled(page, 'in Saal 1'));
    assert.deepEqual(ids, ['closing-panel', 'hessian-free']);

    const links = await page.evaluate(() =>
      [...document.querySelectorAll('[data-talk-id="hessian-free"] .tc-links a')].map((link) => [link.textContent, link.rel, link.protocol]),
    );
    assert.equal(links.length, 6, JSON.stringify(links));
    for (const [label, rel, protocol] of links) assert.ok(rel === 'noopener' && protocol === 'https:', `${label}: ${rel} ${protocol}`);

    await page.evaluate(() => {
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        window.__tcCalendar = blob;
        return create.call(URL, blob);
      };
      HTMLAnchorElement.prototype.click = function () {};
    });
    await page.click('[data-talk-id="hessian-free"] .tc-toggle');
    await page.waitFor(() => document.querySelector('[data-talk-id="hessian-free"] .tc-calendar')?.checkVisibility(), { message: '"Add to calendar"' });
    await page.click('[data-talk-id="hessian-free"] .tc-calendar');
    const file = await page.waitFor(() => window.__tcCalendar?.text(), { message: 'the calendar file' });
    for (const line of ['BEGIN:VEVENT', 'UID:hessian-free@example.org/optdays', 'DTSTART:20260328T090000Z', 'DTEND:20260328T094500Z', 'LOCATION:Saal 1']) {
      assert.ok(file.split('\r\n').includes(line), `${line} in:\n${file}`);
    }
  } finally {
    await server.close();
  }
}

/** `data-lang="de"` on the host element: the widget speaks German, counts and all. */
async function hostLanguage({ open }) {
  const body = '<div id="talk-catalog" data-lang="de" data-url-sync="false"></div>';
  const site = await hostSite({ 'page.html': HOST_PAGE('', body) }, 'talks', { inject: RECORDER });
  try {
    const page = await open(new URL('page.html', site.url).href);
    await page.waitFor((count) => document.querySelector('[role="status"]')?.textContent.trim() === `${count} Vorträge`, {
      args: [TOTAL],
      message: 'the status in German',
    });
    const texts = await page.evaluate(() => ({
      lang: document.querySelector('.tc').lang,
      toggle: document.querySelector('.tc-toggle').textContent,
    }));
    assert.deepEqual(texts, { lang: 'de', toggle: 'Zusammenfassung anzeigen' });
  } finally {
    await site.close();
  }
}

const CASES = {
  'loads: the 20 seed talks, the app ready, styled': load,
  'search narrows and ranks ("hessian"), highlights, clears': searching,
  'search folds case and accents ("velickovic" finds Veličković)': accentFolding,
  'a topic checkbox filters the list and its count agrees; unticking restores': facets,
  '"Show abstract" expands the card: aria-expanded, the whole abstract visible': expand,
  'in a narrow window the filters fold behind a summary that opens them; no sideways scrolling': narrowWindow,
  'a deep link (?tc-talk=) opens, focuses and scrolls to the talk, and a reload keeps it': deepLinkAndReload,
  'a star survives a reload, kept in local storage': favourites,
  'offline (server gone): a reload shows every talk from the service worker, search works': offlineReload,
  'embedded in a host page under /talks/: mounts, styled, searches, address untouched': embed,
  'the error recorder hears console errors, throws, rejections and failed loads': errorRecorder,
  'Back and Forward restore the view and never touch the stars': starsSurviveBackAndForward,
  "a shared favourites link is someone else's list: the own stars stay, adding them is one action": sharedFavourites,
  "with dist/ at a site root, the service worker leaves the site's other page and file alone": workerAnswersOnlyForTheCatalog,
  "links to other talks keep the host page's address and open the talk in place": linksKeepTheHostAddress,
  '"Copy link" without a clipboard, or refused: said so, the link selected in a field': copyLinkWithoutClipboard,
  'typing an operator after a word leaves that word finished': operatorAfterAWord,
  'embedded with a slow stylesheet: the app waits for it, and nothing moves': embedWaitsForItsStylesheet,
  "a schedule's times read in the event's zone, then in the viewer's": scheduleTimes,
  'a schedule: past talks last, a room facet, safe typed links, a talk\'s calendar file': scheduleFacetsPastLinksAndCalendar,
  'data-lang="de" on the host element: the widget speaks German': hostLanguage,
};

for (const name of enginesToRun()) {
  describe(name, () => {
    let engine;
    let server;
    before(async () => {
      server = await startServer(DIST, { inject: RECORDER });
      engine = await launchEngine(name);
    });
    after(async () => {
      console.log(`# ${name}: ${engine?.version}`);
      await engine?.close();
      await server?.close();
    });

    for (const [title, run] of Object.entries(CASES)) {
      test(title, { timeout: 45000 }, async (t) => {
        const pages = [];
        const open = async (where, { checkErrors = true } = {}) => {
          const page = await engine.newPage();
          pages.push({ page, checkErrors });
          if (where !== null) {
            await page.goto(new URL(where, server.url).href);
            await ready(page);
          }
          return page;
        };
        try {
          await run({ open, url: (path) => new URL(path, server.url).href, server, engine });
          for (const { page, checkErrors } of pages) {
            if (checkErrors) assert.deepEqual(await page.errors(), [], 'console errors, page errors or failed loads were recorded');
          }
        } catch (error) {
          // What the pages looked like and reported, for the one reading the failure.
          await mkdir(FAILURES, { recursive: true });
          for (const [i, { page }] of pages.entries()) {
            const file = join(FAILURES, `${name}-${Object.keys(CASES).indexOf(title) + 1}-${i + 1}.png`);
            const shot = await page.screenshot(file).then(() => file, (e) => `no screenshot (${e.message})`);
            t.diagnostic(`page ${i + 1}: ${shot}; errors: ${JSON.stringify(await page.errors().catch((e) => e.message))}`);
          }
          throw error;
        } finally {
          for (const { page } of pages) await page.close().catch(() => {});
        }
      });
    }
  });
}
