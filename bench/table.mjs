// The bench's table: rows of [measure, figure, target, status], padded into a Markdown table.
export function formatTable(rows) {
  const head = ['measure', 'figure', 'target', 'status'];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[head, ...rows].map((r) => r[c].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** `[measure, figure, target, ok]` with ok true, false or undefined, as a table row. */
export function row(measure, figure, target, ok) {
  return [measure, figure, target, ok === undefined ? '' : ok ? 'met' : 'NOT MET'];
}

/** The closing line naming every target not met, with its figure; empty when all are met. */
export function unmetNote(rows) {
  const unmet = rows.filter((r) => r[3] === 'NOT MET');
  return unmet.length ? `Targets not met: ${unmet.map((r) => `${r[0]} (${r[1]}; target ${r[2] || 'a response'})`).join('; ')}` : '';
}
