// Prints the size of every file in the project's dist/ (or in the folder given as the argument):
// raw bytes, gzip -9 bytes and brotli (quality 11) bytes, and the totals. The static no-JS pages
// (pages/N.html) are one summary row when there are more than a few. With `--data FILE` (the
// catalog data file the build was made from), also the data file's raw and gzip -9 bytes and
// the ratio of dist/'s gzipped total to the data's, with and without pages/ (which only readers
// without JavaScript fetch). Exits 1 when the total gzipped size is over the budget:
// SIZE_BUDGET_GZIP bytes, 81920 (80 KiB) unless set.
// Run it after `trunk build --release`: `scripts/size` (or `node scripts/size.mjs [--data FILE] [dir]`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const dataAt = args.indexOf("--data");
const data = dataAt === -1 ? null : args.splice(dataAt, 2)[1];
if ((dataAt !== -1 && !data) || args.length > 1) {
  console.error("usage: scripts/size [--data FILE] [dir]");
  process.exit(2);
}
const dir = args[0] ?? fileURLToPath(new URL("../dist", import.meta.url));
let dataBytes = null;
try {
  if (data) dataBytes = readFileSync(data);
} catch (err) {
  console.error(`size: cannot read the data file ${data}: ${err.message}`);
  process.exit(2);
}
const budgetText = process.env.SIZE_BUDGET_GZIP ?? "81920";
const budget = Number(budgetText);
if (!Number.isInteger(budget) || budget <= 0) {
  console.error(`size: SIZE_BUDGET_GZIP must be a positive whole number of bytes, not '${budgetText}'`);
  process.exit(2);
}

function files(folder) {
  let found;
  try {
    found = readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    console.error(`size: cannot read ${folder}: ${err.message} (run \`trunk build --release\` first)`);
    process.exit(2);
  }
  return found
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? files(path) : entry.isFile() ? [path] : [];
    })
    .sort();
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const measured = files(dir).map((path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(dir, path),
    raw: statSync(path).size,
    gzip: gzip(bytes),
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
});
if (measured.length === 0) {
  console.error(`size: ${dir} has no files (run \`trunk build --release\` first)`);
  process.exit(2);
}

/** The sum of `rows`, named `name`. */
function sum(name, rows) {
  const total = { name, raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) {
    total.raw += row.raw;
    total.gzip += row.gzip;
    total.brotli += row.brotli;
  }
  return total;
}
const total = sum("total", measured);
// Large catalogs have a static page per page of talks: one row for them all, not hundreds.
const inPages = (row) => row.name.startsWith(`pages${sep}`);
const pages = measured.filter(inPages);
const rows =
  pages.length > 3
    ? [...measured.filter((row) => !inPages(row)), sum(`pages/ (${pages.length} files)`, pages)]
    : measured;

const width = Math.max(...rows.map((row) => row.name.length), "file".length);
const line = (name, raw, gzip, brotli) =>
  `${name.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}`;
console.log(line("file", "raw", "gzip -9", "brotli"));
for (const row of rows) console.log(line(row.name, row.raw, row.gzip, row.brotli));
console.log(line("total", total.raw, total.gzip, total.brotli));

// The size targets are ratios to the gzipped data file (dist/ should weigh little more than it).
if (dataBytes) {
  const dataGzip = gzip(dataBytes);
  const withoutPages = total.gzip - sum("pages", pages).gzip;
  const ratio = (n) => `${(n / dataGzip).toFixed(3)}×`;
  console.log(`data file ${basename(data)}: ${dataBytes.length} bytes raw, ${dataGzip} bytes gzip -9`);
  console.log(
    `dist/ gzip ÷ data gzip: ${ratio(total.gzip)} (all of dist/, ${total.gzip} bytes), ` +
      `${ratio(withoutPages)} (without pages/, ${withoutPages} bytes)`,
  );
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (total.gzip > budget) {
  console.error(
    `size: over budget: ${total.gzip} bytes gzipped (${kib(total.gzip)}) > SIZE_BUDGET_GZIP=${budget} (${kib(budget)})`,
  );
  process.exit(1);
}
console.log(`size: within budget: ${total.gzip} bytes gzipped (${kib(total.gzip)}) <= ${budget} (${kib(budget)})`);
