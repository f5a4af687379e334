// End-to-end tests of searching text in every script, against a release build of the CJK fixture
// catalog (tests/fixtures/cjk.toml: Japanese, Chinese, Korean, Thai, mixed Latin/CJK and
// right-to-left talks) in headless Chromium: what a query finds and marks, right-to-left text's
// direction, and axe on the page.
//
// The build goes to target/e2e-cjk/dist, with its own cargo target directory so that it leaves
// the seed build (dist/, target/) alone; cargo's cache makes the builds after the first quick.
// E2E_CJK_DIST names a build to use instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, launch, openCatalog, stableIds, startServer } from './harness.mjs';
import { article, search } from './dom.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The CJK fixture's release build: E2E_CJK_DIST, or built into target/e2e-cjk/dist. */
function cjkDist() {
  if (process.env.E2E_CJK_DIST) return resolve(process.env.E2E_CJK_DIST);
  const target = join(ROOT, 'target', 'e2e-cjk');
  const dist = join(target, 'dist');
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: target,
    CATALOG_DATA: join(ROOT, 'tests', 'fixtures', 'cjk.toml'),
    PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  };
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', dist], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return dist;
}

let server;
let browser;
let dist;

before(async () => {
  dist = cjkDist();
  server = await startServer(dist);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the catalog, runs `body(page)`, and checks that nothing logged an error. */
async function withPage(body) {
  const session = await openCatalog(browser, server.url);
  try {
    await body(session.page);
    assert.deepEqual(session.errors, [], 'console errors or page errors were reported');
  } finally {
    await session.close();
  }
}

/** The marked parts of a talk's title. */
function titleMarks(page, id) {
  return article(page, id).locator('.tc-talk-title mark').allTextContents();
}

test('a query in a space-less script finds its talks anywhere inside a run, and marks just it', async () => {
  await withPage(async (page) => {
    const table = [
      ['深層学習', ['ja-deep']],
      ['最適化', ['ja-deep']],
      ['学習', ['ja-deep']],
      ['勾配', ['ja-deep']],
      ['山田', ['ja-deep']],
      ['東京', ['ja-deep']],
      ['化', ['ja-deep', 'ja-adaptive']],
      ['语言模型', ['zh-reasoning']],
      ['자연어', ['ko-nlp']],
      ['เรียนรู้', ['th-ml']],
      ['GPT-4の評価', ['mixed-gpt']],
      ['ｶﾞｲﾄﾞ', ['mixed-gpt']],
      ['ＧＰＴ', ['mixed-gpt']],
      ['title:勾配', []],
    ];
    for (const [query, expected] of table) {
      assert.deepEqual(await search(page, query), expected, `query ${query}`);
    }
    await search(page, '最適化');
    assert.deepEqual(await titleMarks(page, 'ja-deep'), ['最適化']);
    await search(page, 'GPT-4の評価');
    assert.deepEqual(await titleMarks(page, 'mixed-gpt'), ['GPT', '4の評価']);
  });
});

test('typing a Japanese query key by key narrows the list as it goes', async () => {
  await withPage(async (page) => {
    const box = page.locator('input[type="search"]');
    await box.click();
    await page.keyboard.type('学');
    assert.deepEqual(await stableIds(page, 'after typing 学'), ['ja-deep', 'ja-adaptive', 'zh-reasoning']);
    await page.keyboard.type('習');
    assert.deepEqual(await stableIds(page, 'after typing 習'), ['ja-deep']);
  });
});

test('right-to-left titles, names and abstracts take their own direction, marks included', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  assert.match(html, /class="tc-talk-title"[^>]*dir="auto"/, 'pre-rendered titles have dir="auto"');
  assert.match(html, /class="tc-speaker-name"[^>]*dir="auto"/, 'pre-rendered names have dir="auto"');
  await withPage(async (page) => {
    const direction = (selector) =>
      article(page, 'rtl-arabic').locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
    const latin = () =>
      article(page, 'latin-optimize').locator('.tc-talk-title').evaluate((el) => getComputedStyle(el).direction);
    assert.equal(await direction('.tc-talk-title'), 'rtl');
    assert.equal(await direction('.tc-speaker-name'), 'rtl');
    assert.equal(await direction('.tc-affiliation'), 'rtl');
    assert.equal(await latin(), 'ltr');
    assert.deepEqual(await search(page, 'العميق'), ['rtl-arabic']);
    assert.deepEqual(await titleMarks(page, 'rtl-arabic'), ['العميق']);
    assert.equal(await direction('.tc-talk-title'), 'rtl', 'a mark keeps the title right-to-left');
    await article(page, 'rtl-arabic').locator('button.tc-toggle').click();
    assert.equal(await direction('.tc-abstract p'), 'rtl');
  });
});

test('the page in every script, with marks, has no axe violations', async () => {
  await withPage(async (page) => {
    await search(page, 'العميق');
    await search(page, '学習');
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, TAGS);
    assert.deepEqual(violations, []);
  });
});
