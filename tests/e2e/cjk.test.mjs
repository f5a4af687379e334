// End-to-end tests of searching text in every script, against a release build of the CJK fixture
// catalog (tests/fixtures/cjk.toml: Japanese, Chinese, Korean, Thai, mixed Latin/CJK and
// right-to-left talks) in headless Chromium: what a query finds and marks, right-to-left text's
// direction, and axe on the page.
//
// The build is `scripts/build-fixture cjk`'s.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertAccessible } from './axe.mjs';
import { catalogSuite, fixtureDist, stableIds } from './harness.mjs';
import { article, search } from './dom.mjs';

const DIST = fixtureDist('cjk');
const suite = catalogSuite({ before, after, beforeEach, afterEach }, { root: DIST });

/** Runs `body` on the test's page, then checks that nothing logged an error. */
async function withPage(body) {
  await body(suite.session.page);
  suite.assertNoErrors();
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
      // 化 alone: in 最適化, 適応化 and the Chinese abstract's 优化.
      ['化', ['ja-deep', 'ja-adaptive', 'zh-reasoning']],
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
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  // Each pre-rendered element of the class, whatever its attributes' order, has dir="auto".
  const tagsOf = (name) => html.match(new RegExp(`<[^>]*class="${name}"[^>]*>`, 'g')) ?? [];
  for (const name of ['tc-talk-title', 'tc-speaker-name']) {
    const tags = tagsOf(name);
    assert.ok(tags.length > 0 && tags.every((tag) => tag.includes('dir="auto"')), `pre-rendered .${name}: ${tags[0]}`);
  }
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
    await assertAccessible(page, 'right-to-left match');
    await search(page, '学習');
    await assertAccessible(page, 'Japanese match');
  });
});
