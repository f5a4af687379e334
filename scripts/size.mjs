// Prints the size of every file in the project's dist/ (or in the folder given as the argument):
// raw bytes, gzip -9 bytes and brotli (quality 11) bytes, and the totals. Exits 1 when the total
// gzipped size is over the budget: SIZE_BUDGET_GZIP bytes, 81920 (80 KiB) unless set.
// Run it after `trunk build --release`: `scripts/size` (or `node scripts/size.mjs [dir]`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url));
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

const rows = files(dir).map((path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(dir, path),
    raw: statSync(path).size,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
});
if (rows.length === 0) {
  console.error(`size: ${dir} has no files (run \`trunk build --release\` first)`);
  process.exit(2);
}

const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
for (const row of rows) {
  total.raw += row.raw;
  total.gzip += row.gzip;
  total.brotli += row.brotli;
}

const width = Math.max(...rows.map((row) => row.name.length), "file".length);
const line = (name, raw, gzip, brotli) =>
  `${name.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}`;
console.log(line("file", "raw", "gzip -9", "brotli"));
for (const row of rows) console.log(line(row.name, row.raw, row.gzip, row.brotli));
console.log(line("total", total.raw, total.gzip, total.brotli));

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (total.gzip > budget) {
  console.error(
    `size: over budget: ${total.gzip} bytes gzipped (${kib(total.gzip)}) > SIZE_BUDGET_GZIP=${budget} (${kib(budget)})`,
  );
  process.exit(1);
}
console.log(`size: within budget: ${total.gzip} bytes gzipped (${kib(total.gzip)}) <= ${budget} (${kib(budget)})`);
