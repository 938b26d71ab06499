import { describe, expect, it } from 'vitest';
import { columnOf, findColumnBands, type ColumnRow } from './pdf-columns.js';

/** Rows from [y, [x, right][]] pairs. */
function rows(specs: [number, [number, number][]][]): ColumnRow[] {
  return specs.map(([y, boxes]) => ({ y, boxes: boxes.map(([x, right]) => ({ x, right })) }));
}

describe('findColumnBands', () => {
  it('finds two columns of wrapped text under a title across the page, and leaves the title out of the band', () => {
    const specs: [number, [number, number][]][] = [[760, [[150, 450]]]];
    // 10 lines a column, 10 pt text, columns 72–282 and 306–516; each paragraph's last line is short
    for (let i = 0; i < 10; i++) specs.push([720 - 14 * i, [[72, i === 4 ? 180 : 282], [306, i === 7 ? 400 : 516]]]);
    const bands = findColumnBands(rows(specs), 10);
    expect(bands).toHaveLength(1);
    expect(bands[0]).toMatchObject({ first: 1, last: 10 });
    const band = bands[0];
    if (band === undefined) return;
    expect(band.gutters).toHaveLength(1);
    expect(columnOf(band, 100)).toBe(0);
    expect(columnOf(band, 400)).toBe(1);
  });

  it('finds columns whose baselines do not line up (a heading in one column shifts the other)', () => {
    const specs: [number, [number, number][]][] = [];
    for (let i = 0; i < 8; i++) specs.push([720 - 14 * i, [[72, 282]]]);
    for (let i = 0; i < 8; i++) specs.push([713 - 14 * i, [[306, 516]]]);
    specs.sort((a, b) => b[0] - a[0]);
    expect(findColumnBands(rows(specs), 10)).toHaveLength(1);
  });

  it('does not take a table of short cells for columns', () => {
    const specs: [number, [number, number][]][] = [];
    for (let i = 0; i < 8; i++) specs.push([720 - 20 * i, [[72, 110 + (i % 3) * 10], [200, 260], [320, 350 + (i % 2) * 30]]]);
    expect(findColumnBands(rows(specs), 10)).toEqual([]);
  });

  it('does not take a two-column table of wide, wrapped cells for columns: its cells start on the same baselines', () => {
    const specs: [number, [number, number][]][] = [];
    let y = 720;
    for (let row = 0; row < 4; row++) {
      // a question of one or two lines on the left, an answer of three lines on the right, 10 pt padding between rows
      for (let line = 0; line < 3; line++) {
        const boxes: [number, number][] = [];
        if (line === 0 || (line === 1 && row % 2 === 0)) boxes.push([72, line === 0 ? 270 : 200]);
        boxes.push([306, line === 2 ? 380 : 516]);
        specs.push([y, boxes]);
        y -= 14;
      }
      y -= 10;
    }
    expect(findColumnBands(rows(specs), 10)).toEqual([]);
  });

  it('takes a right column of one or two lines for a column only at a gutter the document has elsewhere', () => {
    // a last page: the left column runs 8 lines, the right one stops after 2
    const specs: [number, [number, number][]][] = [];
    for (let i = 0; i < 8; i++) specs.push([720 - 14 * i, i < 2 ? [[72, 282], [306, i === 1 ? 400 : 516]] : [[72, i === 7 ? 150 : 282]]]);
    expect(findColumnBands(rows(specs), 10)).toEqual([]);
    expect(findColumnBands(rows(specs), 10, [[283, 305]])).toMatchObject([{ first: 0, last: 7 }]);
    // a gutter elsewhere on the page is no help
    expect(findColumnBands(rows(specs), 10, [[150, 170]])).toEqual([]);
  });

  it('finds nothing on a single-column page, nor on a page of short lines', () => {
    const full = rows(Array.from({ length: 20 }, (_, i): [number, [number, number][]] => [720 - 14 * i, [[72, i % 5 === 4 ? 300 : 516]]]));
    expect(findColumnBands(full, 10)).toEqual([]);
    const short = rows(Array.from({ length: 20 }, (_, i): [number, [number, number][]] => [720 - 14 * i, [[72, 150 + (i % 4) * 20]]]));
    expect(findColumnBands(short, 10)).toEqual([]);
  });
});
