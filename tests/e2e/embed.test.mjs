// Embedding: a host page adds one element and one module script, with dist/ copied under a
// sub-path (/2026/talks/). The widget mounts into the element, takes its options from data
// attributes, loads everything relative to embed.js, and leaves the host page's styles alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostSite, launch, openCatalog, shownIds, waitFor } from './harness.mjs';

const HOST_STYLES = `
  body { font-size: 20px; }
  h1, h2, h3 { color: rgb(200, 0, 0); }
  p.intro { margin: 3em; color: rgb(0, 0, 200); }
  button { background: rgb(0, 255, 0); }
`;

/** Global rules common in real sites' stylesheets that a widget must survive. */
const HOSTILE_STYLES = `
  html { font-size: 62.5%; }
  body { font-size: 20px; line-height: 2.2; letter-spacing: 0.1em; word-spacing: 0.3em; text-align: center;
         font-family: Georgia, serif; font-style: italic; color: rgb(90, 0, 0); }
  * { box-sizing: content-box; }
  h1, h2, h3 { color: rgb(200, 0, 0); font-size: 3em; margin: 2em 0; text-transform: uppercase; font-family: serif; }
  p { margin: 3em; color: rgb(0, 0, 200); font-size: 1.5rem; }
  a { color: rgb(255, 0, 255); text-decoration: none; font-weight: bold; }
  button { background: rgb(0, 255, 0); padding: 2em; border: 5px solid; border-radius: 0; text-transform: uppercase; width: 100%; }
  input { border: 4px dashed rgb(255, 0, 0); padding: 1em; width: 50%; font-size: 2rem; }
  article { border: 10px solid rgb(0, 0, 0); padding: 4em; margin: 3em; max-width: 300px; }
  ul { list-style: square; padding: 3em; margin: 2em; }
  li { margin: 1em; }
  li::before { content: "→ "; }
`;

/** The host page: its own content, then the one element and the one script of the embed. */
function hostPage(embed, styles = HOST_STYLES) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Our conference</title><style>${styles}</style></head>
<body>
  <h1>Our conference</h1>
  <p class="intro">Welcome to the programme.</p>
  <button type="button" class="host-button">Host button</button>
  ${embed}
</body>
</html>`;
}

const EMBED = `<div id="talk-catalog" data-heading-level="3" data-url-sync="false" data-theme="dark"></div>
  <script type="module" src="/2026/talks/embed.js"></script>`;

let site;
let browser;

before(async () => {
  // The same host pages with the host element but without the script: no widget.
  const withoutScript = EMBED.replace(/<script[^>]*><\/script>/, '');
  site = await hostSite(
    {
      'index.html': hostPage(EMBED),
      'plain.html': hostPage(withoutScript),
      'hostile-plain.html': hostPage(withoutScript, HOSTILE_STYLES),
      'clean.html': hostPage(EMBED, ''),
      'hostile.html': hostPage(EMBED, HOSTILE_STYLES),
    },
    '2026/talks',
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Computed styles of the host's own elements, for before/after comparison. */
function hostStyles(page) {
  return page.evaluate(() =>
    ['html', 'body', 'h1', 'p.intro', 'button.host-button', '#talk-catalog'].map((selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      const { color, fontSize, margin, padding, backgroundColor, boxSizing, fontFamily, lineHeight, display } = style;
      return [selector, color, fontSize, margin, padding, backgroundColor, boxSizing, fontFamily, lineHeight, display];
    }),
  );
}

test('one element and one script under a sub-path show the catalog with the options', async () => {
  const { page, errors, close } = await openCatalog(browser, new URL('/?lang=fr#programme', site.url).href);
  try {
    assert.equal((await shownIds(page)).length, 20);
    // data-heading-level="3": talk titles are h3, under the host's h1.
    assert.equal(await page.locator('article[data-talk-id] h3.tc-talk-title').count(), 20);
    // data-theme="dark": light text on dark.
    const color = await page.evaluate(() => getComputedStyle(document.querySelector('.tc')).color);
    assert.equal(color, 'rgb(236, 238, 242)');
    // data-url-sync="false": typing and opening a talk leave the host's URL and history alone.
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('searchbox', { name: /search/i }).fill('hessian');
    await waitFor(async () => (await shownIds(page)).length < 20, { message: 'the search to narrow' });
    await page.locator('article button[aria-controls]').first().click();
    assert.equal(await page.evaluate(() => location.search + location.hash), '?lang=fr#programme');
    assert.equal(await page.evaluate(() => history.length), entries);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

for (const [page, plainPage] of [
  ['/', '/plain.html'],
  ['/hostile.html', '/hostile-plain.html'],
]) {
  test(`the widget changes no computed style of the host page (${page})`, async () => {
    const plain = await openPlain(plainPage);
    const { page: opened, errors, close } = await openCatalog(browser, new URL(page, site.url).href);
    try {
      assert.deepEqual(await hostStyles(opened), plain);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

/** The host's styles on the same page without the widget. */
async function openPlain(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(path, site.url).href);
  const styles = await hostStyles(page);
  await context.close();
  return styles;
}

/**
 * Box sizes and the styles that make the widget's layout, for a few of its elements. Every
 * card is laid out first: off-screen cards otherwise keep a placeholder height
 * (`content-visibility: auto`), which depends on how far down the page the widget starts.
 */
async function widgetLayout(page) {
  await page.addStyleTag({ content: '.tc-list > li { content-visibility: visible !important; }' });
  return page.evaluate(() => {
    const first = 'article[data-talk-id]';
    const selectors = [
      '.tc', '.tc-search input', '.tc-search label', '.tc-help', '.tc-facet legend', '.tc-facet ul', '.tc-facet li',
      first, `${first} .tc-talk-title`, `${first} .tc-speakers`, `${first} .tc-tag`, `${first} .tc-teaser`,
      `${first} .tc-toggle`, `${first} .tc-star`,
    ];
    const properties = [
      'color', 'backgroundColor', 'fontSize', 'fontFamily', 'fontStyle', 'fontWeight', 'lineHeight', 'letterSpacing',
      'wordSpacing', 'textAlign', 'textTransform', 'margin', 'padding', 'borderTopWidth', 'borderTopStyle',
      'boxSizing', 'listStyleType', 'width', 'maxWidth',
    ];
    return selectors.map((selector) => {
      const element = document.querySelector(selector);
      if (!element) return [selector, 'missing'];
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const before = getComputedStyle(element, '::before').content;
      return [selector, Math.round(box.width), Math.round(box.height), before, ...properties.map((name) => style[name])];
    });
  });
}

test("the host's global styles leave the widget's layout intact", async () => {
  const open = async (path) => {
    const session = await openCatalog(browser, new URL(path, site.url).href, { contextOptions: { viewport: { width: 1200, height: 900 } } });
    const layout = await widgetLayout(session.page);
    assert.deepEqual(session.errors, []);
    await session.close();
    return layout;
  };
  const clean = await open('/clean.html');
  const hostile = await open('/hostile.html');
  assert.ok(clean.every((row) => row[1] !== 'missing'), JSON.stringify(clean));
  for (const [index, row] of hostile.entries()) assert.deepEqual(row, clean[index], `${row[0]} differs on the hostile host`);
});
