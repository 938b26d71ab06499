import { describe, expect, it } from 'vitest';
import { cellText, findTables, pathRectangles, ruledCells, type Rect } from './pdf-tables.js';

const rect = (left: number, bottom: number, right: number, top: number): Rect => ({ left, bottom, right, top });

describe('pathRectangles', () => {
  it('reads closed four-point paths through the current transform (a top-down page flipped into user space)', () => {
    const ops = { save: 10, restore: 11, transform: 12, constructPath: 91 };
    const square = [0, 40, 50, 1, 120, 50, 1, 120, 70, 1, 40, 70, 4];
    const curve = [0, 0, 0, 2, 1, 1, 2, 2, 3, 3, 4];
    const rects = pathRectangles([12, 91, 10, 12, 11, 91], [[1, 0, 0, -1, 0, 600], [20, [square, curve]], null, [2, 0, 0, 2, 0, 0], null, [20, [new Float32Array(square)]]], ops);
    expect(rects).toEqual([rect(40, 530, 120, 550), rect(40, 530, 120, 550)]);
  });
});

describe('findTables and cellText', () => {
  // a 3-column troubleshooting table whose symptom cell spans two rows, a box around a figure beside it
  const cells = [
    rect(0, 80, 50, 100), rect(50, 80, 120, 100), rect(120, 80, 200, 100),
    rect(0, 40, 50, 80), rect(50, 60, 120, 80), rect(120, 60, 200, 80),
    rect(50, 40, 120, 60), rect(120, 40, 200, 60),
    rect(300, 40, 400, 100),
  ];
  const run = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 8, size: 8 });

  it('groups touching cells into a grid, a cell spanning rows read in its first row; a lone box is no table', () => {
    const tables = findTables(cells);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ rows: 3, columns: 3, box: rect(0, 40, 200, 100) });
    const rows = cellText(tables[0]!, [run('现象', 2, 85), run('原因', 52, 85), run('方法', 122, 85), run('不进水', 2, 70), run('没开', 52, 65), run('打开', 122, 65), run('弯折', 52, 45), run('理顺进', 122, 48), run('水管', 122, 41)], (a, b) => a + b);
    expect(rows).toEqual([['现象', '原因', '方法'], ['不进水', '没开', '打开'], ['', '弯折', '理顺进水管']]);
  });

  it('takes no box drawn around other boxes for a cell', () => {
    expect(findTables([rect(0, 0, 200, 100), rect(0, 50, 100, 100), rect(100, 50, 200, 100), rect(0, 0, 100, 50), rect(100, 0, 200, 50)])[0]?.cells).toHaveLength(4);
  });
});

describe('ruledCells', () => {
  // bars 1 pt thick: three horizontal levels (y 100, 80, 60) over x 0–200, walls at x 0, 100, 200,
  // except between the two columns of the second row, whose cell spans both
  const h = (y: number): Rect => rect(0, y - 0.5, 200, y + 0.5);
  const v = (x: number, bottom: number, top: number): Rect => rect(x - 0.5, bottom, x + 0.5, top);
  const bars = [h(100), h(80), h(60), v(0, 60, 100), v(200, 60, 100), v(100, 80, 100)];

  it('makes the cells the bars enclose, a cell without a wall between two columns one cell', () => {
    expect(ruledCells(bars)).toEqual([rect(0, 80, 100, 100), rect(100, 80, 200, 100), rect(0, 60, 200, 80)]);
    const [table] = findTables(bars);
    expect(table).toMatchObject({ rows: 2, columns: 2 });
  });

  it('makes none of an underline and a sidebar, nor of one box', () => {
    expect(ruledCells([h(100), v(0, 20, 90)])).toEqual([]);
    expect(findTables([h(100), h(60), v(0, 60, 100), v(200, 60, 100)])).toEqual([]);
  });
});
