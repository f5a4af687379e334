// Release build after a data change (a benchmark that prints figures, not a test): generates N
// synthetic talks (examples/synthetic_catalog.rs) into target/bench-build/talks-N.toml, runs
// `trunk build --release` with them once (the warm-up: dependencies built, and this data), then
// appends a space to one talk's abstract (only the data file changes, and it stays valid) and
// runs the same build again, printing of that second build:
//   - its wall time;
//   - its peak memory: the largest resident set of any one of its processes, from GNU time's %M
//     on trunk: the kernel keeps, for each process, the maximum over it and every descendant it
//     waited for, so it covers cargo, the build script, rustc, wasm-bindgen, wasm-opt and the
//     post-build hook with its pre-renderer. /proc, sampled every 100 ms, names the process that
//     was largest, and gives the peak of all of them at once;
//   - where the time went, from trunk's verbose log: cargo (the build script, rustc and the LTO
//     link), wasm-opt, and the post-build hook (pre-rendering, start.js, embed.js, sw.js).
//
// Usage: scripts/bench-build [N [SEED]]     (default 5000 talks, seed 1)
// Builds go to target/bench-build/dist-N, with the project's usual target/ (set CARGO_TARGET_DIR
// for another).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/harness.mjs';

const [size = 5000, seed = 1] = process.argv.slice(2).map(Number);
if (process.argv.length > 4 || !Number.isInteger(size) || size < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('usage: scripts/bench-build [N [SEED]]');
  process.exit(2);
}

const WORK = join(ROOT, 'target', 'bench-build');
const PATH = `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
const data = join(WORK, `talks-${size}.toml`);
const dist = join(WORK, `dist-${size}`);
const PAGE = 4096;

/**
 * The name and resident bytes of `root` and of every process under it, read from /proc: each
 * thread's children, then each process's stat (processes may end meanwhile: skipped).
 */
function tree(root) {
  const found = [];
  const visit = (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid … rss …": comm may hold spaces and parentheses, so split after it.
      const close = stat.lastIndexOf(')');
      found.push({ comm: stat.slice(stat.indexOf('(') + 1, close), rss: Number(stat.slice(close + 2).split(' ')[21]) * PAGE });
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(child);
      }
    } catch {
      // The process (or a thread) ended while being read.
    }
  };
  visit(root);
  return found;
}

/** One `trunk build --release` with the data file, under GNU time and the /proc sampler. */
function build() {
  const timeFile = join(WORK, 'time.txt');
  const start = Date.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, 'trunk', '-v', 'build', '--release', '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, PATH, CATALOG_DATA: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => (log += text));
  }
  let largest = { rss: 0, comm: '?' };
  let together = 0;
  const sampler = setInterval(() => {
    const running = tree(child.pid);
    for (const p of running) if (p.rss > largest.rss) largest = p;
    together = Math.max(together, running.reduce((sum, p) => sum + p.rss, 0));
  }, 100);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      const wall = (Date.now() - start) / 1000;
      if (code !== 0) return reject(new Error(`trunk build --release failed (exit ${code}):\n${log}`));
      const maxKiB = Number(readFileSync(timeFile, 'utf8').trim());
      resolve({ wall, peak: maxKiB * 1024, largest, together, phases: phases(log) });
    });
  });
}

/**
 * Seconds between the first line of trunk's timestamped log (`-v`) that matches `from` and the
 * next that matches `to` (null when the log doesn't show them).
 */
function between(log, from, to) {
  const stamped = log
    .split('\n')
    .map((line) => /^(\S+Z)\s+\w+\s+(.*)$/.exec(line))
    .filter(Boolean)
    .map(([, stamp, text]) => ({ at: Date.parse(stamp), text }));
  const start = stamped.findIndex(({ text }) => from.test(text));
  const end = stamped.findIndex(({ text }, i) => i > start && to.test(text));
  return start === -1 || end === -1 ? null : (stamped[end].at - stamped[start].at) / 1000;
}

/** Where the build's time goes: cargo (the build script, rustc, the LTO link), wasm-opt, the hook. */
function phases(log) {
  return {
    cargo: between(log, /^cargo args/, /^fetching cargo artifacts/),
    'wasm-opt': between(log, /^calling wasm-opt/, /^copying generated wasm-opt artifact/),
    'post-build hook': between(log, /^spawned hook/, /^finished hook/),
  };
}

mkdirSync(WORK, { recursive: true });
rmSync(dist, { recursive: true, force: true });
console.error(`generating ${size} synthetic talks (seed ${seed})…`);
const toml = execFileSync(
  'cargo',
  ['run', '--quiet', '--release', '--offline', '--example', 'synthetic_catalog', '--', `${size}`, `${seed}`],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
);
writeFileSync(data, toml);
console.error('warm-up build…');
await build();

// One character more in the first talk's first abstract paragraph (`abstract = [\n  "…",`).
const edited = toml.replace(/(abstract = \[\n  "(?:[^"\\]|\\.)*)"/, '$1 "');
if (edited === toml) throw new Error(`no abstract found in ${data}`);
writeFileSync(data, edited);
console.error('the same build after the data change…');
const result = await build();

const gb = (bytes) => `${(bytes / 1e9).toFixed(2)} GB`;
console.log(
  `${size} talks, data change → release build: ${result.wall.toFixed(1)} s, peak ${gb(result.peak)} ` +
    `(largest seen: ${result.largest.comm}, ${gb(result.largest.rss)}; all the build's processes at once ${gb(result.together)})` +
    '; ' +
    Object.entries(result.phases)
      .map(([phase, seconds]) => `${phase} ${seconds == null ? '?' : seconds.toFixed(1)} s`)
      .join(', '),
);
