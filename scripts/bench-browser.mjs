// Browser timings (a benchmark that prints figures, not a test): builds the app with synthetic
// catalogs (examples/synthetic_catalog.rs, seed 1), serves each build on 127.0.0.1, drives
// headless Chromium and prints, per catalog size:
//   - first talk painted (first contentful paint: the pre-rendered talks are the content), for
//     the app and, side by side, a static page with the same talks (the app's index.html
//     without its scripts);
//   - ready: when the app has taken over and responds to input (the host's data-ready mark);
//   - searchable: from first contentful paint to when a query typed as early as possible (as
//     soon as the search box is painted, not waiting for data-ready) is answered, i.e. the
//     status and the first cards are those the same query gives from the URL; "keys lost!"
//     when the box doesn't hold the whole query at the end (each such load is listed after the
//     table: what the box held, when typing began and ended, when the app was ready); and how
//     long before the app was ready the typing began;
//   - keystroke to next paint, p50 / p95 / max, over every keystroke of realistic queries
//     typed one key at a time (from keydown to the first timer after the next animation frame,
//     i.e. after the frame that shows the result), and the same keys typed into the static
//     page's search box (nothing listens there: the browser's own floor);
//   - the longest task while typing (long tasks are those over 50 ms; "none" if there were none);
//   - JS heap in use and the wasm's linear memory after typing.
//
// Usage: scripts/bench-browser [--no-build] [--runs N] [--cpu-throttle RATE] [SIZE...]
// Default sizes 20 1000 10000; the size `seed` is the real catalog, data/talks.toml. Builds go to
// target/bench-browser/dist-SIZE; --no-build reuses them. --cpu-throttle 4 slows every page's
// CPU 4× (Chrome's Emulation.setCPUThrottlingRate; a mid-range phone). See BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, settle, shownIds, startServer, statusText } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name) && args.splice(args.indexOf(name), 1);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args.splice(at, 2)[1]);
};
const noBuild = flag('--no-build');
const runs = option('--runs', 5);
const cpuThrottle = option('--cpu-throttle', 1);
const sizes = args.length ? args.map((size) => (size === 'seed' ? size : Number(size))) : [20, 1000, 10000];
if (
  sizes.some((n) => n !== 'seed' && (!Number.isInteger(n) || n < 1)) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !(cpuThrottle >= 1)
) {
  console.error('usage: scripts/bench-browser [--no-build] [--runs N] [--cpu-throttle RATE] [SIZE...]');
  process.exit(2);
}

/** What attendees type: half-remembered words, a name, a phrase, a typo; then clear the box. */
const QUERIES = ['hessian', 'gradient descent', 'velickovic', 'language models', 'optimizaton', 'learning -neural'];
/** The query typed as early as possible for the searchable figure. */
const EARLY_QUERY = QUERIES[0];
/** How long after the app is ready and the query typed an answer may still come. */
const ANSWER_GRACE_MS = 5000;

const WORK = join(ROOT, 'target', 'bench-browser');
const PATH = `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;

function build(size) {
  const dist = join(WORK, `dist-${size}`);
  if (noBuild) return dist;
  mkdirSync(WORK, { recursive: true });
  let data = join(ROOT, 'data', 'talks.toml');
  if (size === 'seed') {
    console.error('building the app with the seed catalog…');
  } else {
    data = join(WORK, `talks-${size}.toml`);
    console.error(`building the app with ${size} synthetic talks…`);
    const toml = execFileSync('cargo', ['run', '--quiet', '--release', '--offline', '--example', 'synthetic_catalog', '--', `${size}`], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    });
    writeFileSync(data, toml);
  }
  execFileSync('trunk', ['build', '--release', '--dist', dist], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH, CATALOG_DATA: data },
  });
  // The static baseline: the same pre-rendered page, without any script.
  const page = readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="?(?:modulepreload|preload)\b[^>]*>/g, '');
  writeFileSync(join(dist, 'static.html'), page);
  return dist;
}

/**
 * Installed before any page script: records when the app is ready and every long task; given
 * `answer` (a query, and the status text and first card ids it shows), also focuses the search
 * box as soon as it is painted (a visitor can't type into it before), calls the page's binding
 * __benchType then, and records when the page first shows the answer with the query in the box:
 * after the next paint, as for a keystroke.
 */
function instrument(answer) {
  window.__bench = { ready: null, longTasks: [], wasm: null, typing: null, answered: null };
  addEventListener('TrunkApplicationStarted', (event) => (window.__bench.wasm = event.detail.wasm));
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-ready]')) {
      window.__bench.ready = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  if (!answer) return;
  // Typing starts in the first animation frame after the box exists and the first contentful
  // paint is in the timeline (its observers are told later: after the app is ready, for small
  // catalogs).
  let waiting = false;
  const typeWhenVisible = () => {
    if (waiting) return;
    waiting = true;
    const frame = () => {
      const box = document.querySelector('input[type="search"]');
      const painted = performance.getEntriesByName('first-contentful-paint').length > 0;
      if (!box || !painted) return requestAnimationFrame(frame);
      box.focus();
      window.__bench.typing = performance.now();
      window.__benchType();
    };
    requestAnimationFrame(frame);
  };
  // Checked on every change of the page, and after every key: the last key may change nothing
  // (the query's prefix already showing the same talks), and the box may be empty at the first.
  const shown = () => {
    const status = document.querySelector('[role="status"]')?.textContent;
    const cards = [...document.querySelectorAll('article[data-talk-id]')].slice(0, answer.ids.length);
    return (
      document.querySelector('input[type="search"]')?.value === answer.query &&
      status === answer.status &&
      cards.every((card, i) => card.getAttribute('data-talk-id') === answer.ids[i])
    );
  };
  const check = () => {
    typeWhenVisible();
    if (observer === null || !shown()) return;
    observer.disconnect();
    observer = null;
    requestAnimationFrame(() => setTimeout(() => (window.__bench.answered = performance.now())));
  };
  let observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  addEventListener('input', () => setTimeout(check), true);
}

const firstPaint = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
          if (fcp) {
            observer.disconnect();
            resolve(fcp.startTime);
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );

/** One keystroke's time from keydown to after the next paint, in ms. */
async function timedKey(page, key) {
  await page.evaluate(() => {
    window.__bench.keystroke = new Promise((resolve) => {
      addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        },
        { once: true, capture: true },
      );
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => window.__bench.keystroke);
}

const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (value) => (value == null ? '–' : `${value.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

async function measure(browser, server, size) {
  /**
   * A fresh page at `path`, after `waitUntil`; `answer` as for `instrument`, with `typeNow`
   * resolving when the page calls for typing.
   */
  const open = async (path, { waitUntil = 'load', answer = null } = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(instrument, answer);
    let typeNow = null;
    if (answer) {
      let startTyping;
      typeNow = new Promise((resolve) => (startTyping = resolve));
      await context.exposeBinding('__benchType', () => startTyping());
    }
    const page = await context.newPage();
    if (cpuThrottle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    await page.goto(new URL(path, server.url).href, { waitUntil });
    return { page, context, typeNow };
  };
  const appReady = (page) => page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 120000 });

  const staticPaints = [];
  const appPaints = [];
  const ready = [];
  // Alternating which page loads first, so neither always meets a colder browser.
  const loadStatic = async () => {
    const plain = await open('static.html');
    staticPaints.push(await firstPaint(plain.page));
    await plain.context.close();
  };
  const loadApp = async () => {
    const app = await open('index.html');
    appPaints.push(await firstPaint(app.page));
    await appReady(app.page);
    ready.push(await app.page.evaluate(() => window.__bench.ready));
    await app.context.close();
  };
  for (let run = 0; run < runs; run++) {
    for (const load of run % 2 ? [loadApp, loadStatic] : [loadStatic, loadApp]) await load();
  }

  // Searchable: the answer is what the query shows when it comes from the URL (tc-q).
  const reference = await open(`index.html?tc-q=${encodeURIComponent(EARLY_QUERY)}`);
  // The app renders the URL's view before it marks itself ready; the rest of the list follows.
  await appReady(reference.page);
  await settle(reference.page);
  const answer = {
    query: EARLY_QUERY,
    status: await statusText(reference.page),
    ids: (await shownIds(reference.page)).slice(0, 10),
  };
  await reference.context.close();
  const searchable = [];
  const typedEarly = [];
  const lostLoads = [];
  let lost = 0;
  let unanswered = 0;
  for (let run = 0; run < runs; run++) {
    const { page, context, typeNow } = await open('index.html', { waitUntil: 'commit', answer });
    // As a visitor would: into the box as soon as it shows, each key once (no retyping).
    let timer;
    await Promise.race([
      typeNow,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the search box never showed')), 120000))),
    ]);
    clearTimeout(timer);
    await page.keyboard.type(EARLY_QUERY);
    const typed = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      ({ typed, grace }) => {
        const bench = window.__bench;
        return bench.answered !== null || (bench.ready !== null && performance.now() > Math.max(bench.ready, typed) + grace);
      },
      { typed, grace: ANSWER_GRACE_MS },
      { timeout: 120000 },
    );
    const fcp = await firstPaint(page);
    const { answered, typing, ready } = await page.evaluate(() => {
      const { answered, typing, ready } = window.__bench;
      return { answered, typing, ready };
    });
    typedEarly.push(ready - typing);
    const held = await page.locator('input[type="search"]').inputValue();
    const boxHoldsQuery = held === EARLY_QUERY;
    if (!boxHoldsQuery) {
      lost++;
      lostLoads.push({ run, held, typing, typed, ready });
    } else if (answered === null) unanswered++;
    if (answered !== null && boxHoldsQuery) searchable.push(answered - fcp);
    await context.close();
  }

  /** Every keystroke of QUERIES typed and erased in `page`'s search box, timed. */
  const typeQueries = async (page) => {
    await page.locator('input[type="search"]').focus();
    const times = [];
    for (const query of QUERIES) {
      for (const char of query) times.push(await timedKey(page, char === ' ' ? 'Space' : char));
      for (let i = 0; i < query.length; i++) times.push(await timedKey(page, 'Backspace'));
    }
    return times;
  };
  // The floor: the same keys typed into the static page's search box, which nothing listens to.
  const plain = await open('static.html');
  const floor = await typeQueries(plain.page);
  await plain.context.close();

  // Typing in the app, in one more page load.
  const { page, context } = await open('index.html');
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 120000 });
  const cdp = await context.newCDPSession(page);
  const typingStart = await page.evaluate(() => performance.now());
  const keystrokes = await typeQueries(page);
  const longTasks = (await page.evaluate(() => window.__bench.longTasks)).filter(([start]) => start >= typingStart);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? 0);
  await context.close();

  return {
    size,
    static: median(staticPaints),
    app: median(appPaints),
    ready: median(ready),
    searchable: searchable.length ? median(searchable) : null,
    typedEarly: median(typedEarly),
    lost,
    lostLoads,
    unanswered,
    keys: keystrokes.length,
    floor50: percentile(floor, 50),
    floor95: percentile(floor, 95),
    p50: percentile(keystrokes, 50),
    p95: percentile(keystrokes, 95),
    max: Math.max(...keystrokes),
    longest: longTasks.length ? Math.max(...longTasks.map(([, duration]) => duration)) : null,
    heap,
    wasm,
  };
}

const dists = sizes.map((size) => [size, build(size)]);
// No vsync wait: a keystroke's time to the next paint is its work, not where it fell in a 60 Hz frame.
const browser = await launch({
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
});
const rows = [];
const version = browser.version();
try {
  for (const [size, dist] of dists) {
    if (!existsSync(join(dist, 'static.html'))) throw new Error(`${dist} is not built: run without --no-build`);
    const server = await startServer(dist);
    try {
      rows.push(await measure(browser, server, size));
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}

const throttled = cpuThrottle > 1 ? ` CPU throttled ${cpuThrottle}× (Emulation.setCPUThrottlingRate).` : '';
console.log(`Medians of ${runs} page loads; keystrokes from one session. Chromium ${version}.${throttled}`);
console.log(`Searchable: '${EARLY_QUERY}' typed as soon as the search box is painted; from first paint to the answer.`);
console.log(
  '| talks | first talk painted: static page | app | app ready | searchable | keystroke → paint p50 / p95 / max (n) | ' +
    'same keys, static page p50 / p95 | longest task typing | JS heap | wasm memory |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
/** The searchable cell: the median over the loads that were answered, and what went wrong in the others. */
const searchableCell = (row) =>
  [
    ms(row.searchable),
    `typing began ${ms(Math.abs(row.typedEarly))} ${row.typedEarly < 0 ? 'after' : 'before'} ready`,
    row.lost && `keys lost! (${row.lost} of ${runs} loads)`,
    row.unanswered && `never answered (${row.unanswered} of ${runs} loads)`,
  ]
    .filter(Boolean)
    .join(', ');
for (const row of rows) {
  console.log(
    `| ${row.size} | ${ms(row.static)} | ${ms(row.app)} (${(row.app / row.static).toFixed(2)}×) | ${ms(row.ready)} | ` +
      `${searchableCell(row)} | ` +
      `${ms(row.p50)} / ${ms(row.p95)} / ${ms(row.max)} (${row.keys}) | ${ms(row.floor50)} / ${ms(row.floor95)} | ` +
      `${row.longest == null ? 'none over 50 ms' : ms(row.longest)} | ` +
      `${mb(row.heap)} | ${mb(row.wasm)} |`,
  );
}
for (const row of rows) {
  for (const { run, held, typing, typed, ready } of row.lostLoads) {
    console.log(
      `${row.size} talks, load ${run + 1}: the box held ${JSON.stringify(held)}, not ${JSON.stringify(EARLY_QUERY)}; ` +
        `typing ${ms(typing)} to ${ms(typed)}, ready ${ms(ready)} (page time)`,
    );
  }
}
