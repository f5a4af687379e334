// Paging: a host page sets data-page-size="8", so the 20 seed talks are shown 8 at a time, as a
// 10,000-talk catalog is shown 50 at a time. "Show more" keeps the count in view, moves focus to
// the first new talk, and a deep link to a talk further down still shows it. A second host page
// shows 15 at a time (more than the 10 a new result paints first) and folds long facets to their
// top 5 values (data-facet-top="5": the seed's 15 institutions and 14 topics).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FRAGMENT, hostSite, launch, openCatalog, shownIds, statusCount, statusText, waitFor } from './harness.mjs';
import { facetBox, search, searchBox } from './dom.mjs';

let site;
let browser;
/** Every talk id in programme order (from the pre-rendered fragment). */
let programme;

before(async () => {
  site = await hostSite({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Programme</title></head>
<body><main><h1>Programme</h1><div id="talk-catalog" data-page-size="8"></div></main><script type="module" src="/talks/embed.js"></script></body></html>`,
    'long.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Programme</title></head>
<body><main><h1>Programme</h1><div id="talk-catalog" data-page-size="15" data-facet-top="5"></div></main><script type="module" src="/talks/embed.js"></script></body></html>`,
  });
  programme = [...(await readFile(FRAGMENT, 'utf8')).matchAll(/data-talk-id="([^"]+)"/g)].map((m) => m[1]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const moreButton = (page) => page.getByRole('button', { name: /^Show \d+ more$/ });
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('shows a page at a time; "Show more" adds the next and moves focus to its first talk', async () => {
  const { page, errors, close } = await openCatalog(browser, site.url);
  try {
    assert.equal(programme.length, 20);
    assert.deepEqual(await shownIds(page), programme.slice(0, 8));
    assert.equal(await statusText(page), '20 talks', 'the status counts every talk, shown or not');
    assert.match(await page.locator('.tc-more-talks').innerText(), /^Showing 8 of 20 talks\. Show 8 more$/);

    await moreButton(page).click();
    await waitFor(async () => (await shownIds(page)).length === 16, { message: 'the second page' });
    assert.deepEqual(await shownIds(page), programme.slice(0, 16));
    await waitFor(async () => (await focusedId(page)) === `tc-title-${programme[8]}`, { message: 'focus on talk 9' });

    // From the keyboard: Tab to the button, Enter.
    await moreButton(page).focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await shownIds(page)).length === 20, { message: 'the last page' });
    assert.equal(await moreButton(page).count(), 0, 'nothing more to show');
    assert.equal(await page.locator('.tc-more-talks').count(), 0);

    // A new result starts again at its first page.
    await search(page, 'zzzz');
    await searchBox(page).fill('');
    await waitFor(async () => (await shownIds(page)).length === 8, { message: 'the first page again' });
    assert.deepEqual(await shownIds(page), programme.slice(0, 8));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a link to a talk beyond the first page shows it, opened and focused', async () => {
  const talk = programme[18];
  const { page, errors, close } = await openCatalog(browser, new URL(`?tc-talk=${talk}`, site.url).href);
  try {
    assert.deepEqual(await shownIds(page), programme, "three pages of 8: through talk 19");
    assert.equal(await page.locator(`article[data-talk-id="${talk}"] .tc-toggle`).getAttribute('aria-expanded'), 'true');
    await waitFor(async () => (await focusedId(page)) === `tc-title-${talk}`, { message: 'focus on the linked talk' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('after typing, the whole page of talks arrives, and "Show more" still adds the next', async () => {
  const { page, errors, close } = await openCatalog(browser, new URL('long.html', site.url).href);
  try {
    // One key: the programme order gives way to a ranked list of most talks. The first talks
    // are painted at once, the rest of the page right after.
    await searchBox(page).focus();
    await page.keyboard.press('g');
    await waitFor(async () => (await statusText(page)) !== '20 talks', { message: 'the result of "g"' });
    const matching = statusCount(await statusText(page));
    assert.ok(matching > 15 && matching < 20, `"g" matches ${matching} talks: more than a page`);
    await waitFor(async () => (await shownIds(page)).length === 15, { message: 'the whole first page' });
    const first = await shownIds(page);
    assert.notDeepEqual(first, programme.slice(0, 15), 'ranked, not in programme order');
    assert.equal(new Set(first).size, 15, 'no talk twice');
    assert.equal(
      await page.locator('.tc-more-talks').innerText(),
      `Showing 15 of ${matching} talks. Show ${matching - 15} more`,
    );

    await moreButton(page).focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await shownIds(page)).length === matching, { message: 'the second page' });
    assert.deepEqual((await shownIds(page)).slice(0, 15), first, 'the first page stays as it was');
    const next = (await shownIds(page))[15];
    await waitFor(async () => (await focusedId(page)) === `tc-title-${next}`, { message: 'focus on talk 16' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a long facet lists its top values until "Show all" is pressed, and keeps the ticked ones', async () => {
  const { page, errors, close } = await openCatalog(browser, new URL('long.html', site.url).href);
  try {
    const group = page.getByRole('group', { name: 'Institution', exact: true });
    const boxes = group.getByRole('checkbox');
    const toggle = group.getByRole('button', { name: 'Show all 15 institutions' });
    assert.equal(await boxes.count(), 5, 'the top 5 institutions');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle.getAttribute('aria-controls'), await group.locator('ul').getAttribute('id'));
    const name = (label) => label.replace(/\s*\(\d+\)\s*$/, '');
    const count = (label) => Number(/\((\d+)\)\s*$/.exec(label)[1]);
    const byCount = (labels) => labels.map(count).sort((a, b) => b - a);
    const top = await group.locator('label').allInnerTexts();

    // From the keyboard: the button keeps focus and changes its name and state.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await boxes.count()) === 15, { message: 'every institution' });
    const shown = group.getByRole('button', { name: 'Show top 5 institutions' });
    assert.equal(await shown.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Show top 5 institutions');
    const all = await group.locator('label').allInnerTexts();
    assert.deepEqual(byCount(top), byCount(all).slice(0, 5), 'the top 5 have the most talks');

    // Tick one that is not among the top 5, then fold the list again: it stays listed.
    const other = all.map(name).find((institution) => !top.map(name).includes(institution));
    await facetBox(page, 'Institution', other).check();
    await shown.focus();
    await page.keyboard.press('Space');
    await waitFor(async () => (await boxes.count()) === 6, { message: 'the top 5 and the ticked one' });
    const listed = (await group.locator('label').allInnerTexts()).map(name);
    assert.deepEqual(listed.filter((institution) => institution !== other).sort(), top.map(name).sort());
    assert.ok(listed.includes(other), `${other} is listed`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
