// One key table for the help screen and docs/review.md: they list the same keys.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsKeyTable, helpKeyLines, KEYS } from './keys.js';
import { HELP_LINES } from './layout.js';
import { displayWidth } from './width.js';

const DOCS = new URL('../../docs/review.md', import.meta.url);

describe('the key table', () => {
  it('docs/review.md lists exactly the keys of the table (its keys table is docsKeyTable)', () => {
    const docs = readFileSync(DOCS, 'utf8').split('\n');
    const start = docs.indexOf('| key | does |');
    expect(start).toBeGreaterThan(0);
    const end = docs.findIndex((l, i) => i > start && !l.startsWith('|'));
    expect(docs.slice(start, end)).toEqual(docsKeyTable());
  });

  it('the help screen shows every key of the table, and fits 80×24 (20 rows of 79 columns)', () => {
    expect(HELP_LINES.length).toBeLessThanOrEqual(20);
    for (const line of HELP_LINES) expect(displayWidth(line)).toBeLessThanOrEqual(79);
    for (const k of KEYS) expect(HELP_LINES.some((l) => l.startsWith(`${k.keys}  `) && l.endsWith(k.help))).toBe(true);
    expect(helpKeyLines()).toHaveLength(KEYS.length);
  });

  it('lists the keys the trial found missing: ?, Esc to unselect, Space Home End in the full view', () => {
    const keys = KEYS.map((k) => k.keys);
    expect(keys.some((k) => k.split(' ').includes('?'))).toBe(true);
    expect(KEYS.find((k) => k.keys === 'Esc')?.help).toMatch(/unselect/);
    expect(KEYS.find((k) => k.keys.split(' ').includes('v'))?.help).toMatch(/Space Home End/);
  });
});
