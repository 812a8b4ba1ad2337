// Prints, at the end of a CI run, the time and size of every image the e2e tests built and the
// generated paths they did not build, with the reason; read from .tmp/e2e-results.json (written
// by test/e2e/helpers.ts). Usage: node scripts/ci/e2e-report.mjs [results.json]
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.tmp/e2e-results.json';
if (!existsSync(file)) {
  console.log(`no image results (${file}): the e2e image tests did not run`);
  process.exit(0);
}
const { images = [], skipped = [] } = JSON.parse(readFileSync(file, 'utf8'));

const rows = images.map((i) => [i.name, typeof i.buildMs === 'number' ? `${(i.buildMs / 1000).toFixed(1)} s` : '-', `${(i.size / 1e6).toFixed(1)} MB`]);
const table = (head, body) => {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
};
console.log(`\nImages built and verified (${images.length}):`);
console.log(rows.length ? table(['image', 'build', 'size'], rows) : '(none)');
const total = images.reduce((n, i) => n + (i.buildMs ?? 0), 0);
if (total) console.log(`build time of these images together: ${(total / 60_000).toFixed(1)} min`);
console.log(`\nSkipped paths (${skipped.length}):`);
for (const s of skipped) console.log(`- ${s.path}: ${s.reason}`);
