// Paging: a host page sets data-page-size="8", so the 20 seed talks are shown 8 at a time, as a
// 10,000-talk catalog is shown 50 at a time. "Show more" keeps the count in view, moves focus to
// the first new talk, and a deep link to a talk further down still shows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FRAGMENT, hostSite, launch, openCatalog, shownIds, statusText, waitFor } from './harness.mjs';
import { search, searchBox } from './dom.mjs';

let site;
let browser;
/** Every talk id in programme order (from the pre-rendered fragment). */
let programme;

before(async () => {
  site = await hostSite({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Programme</title></head>
<body><main><h1>Programme</h1><div id="talk-catalog" data-page-size="8"></div></main><script type="module" src="/talks/embed.js"></script></body></html>`,
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
