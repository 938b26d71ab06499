/**
 * A text being edited: its text and a cursor (an offset in grapheme clusters, so that a Chinese
 * character or an emoji is one step). Pure functions; the editor component only draws.
 */
import { displayWidth, graphemes } from './width.js';

export interface EditBuffer {
  text: string;
  /** Cursor position, in graphemes from the start. */
  cursor: number;
  /** Enter inserts a line break (answers); otherwise Enter saves. */
  multiline: boolean;
  /**
   * The whole text is selected (a suggestion put in the box): typing or Backspace replaces it, a
   * cursor key keeps it and moves on from there.
   */
  selected?: boolean;
}

export function editBuffer(text: string, multiline: boolean): EditBuffer {
  return { text, cursor: graphemes(text).length, multiline };
}

function splice(buffer: EditBuffer, at: number, remove: number, insert: string): EditBuffer {
  const g = graphemes(buffer.text);
  const inserted = graphemes(insert);
  g.splice(at, remove, ...inserted);
  return { ...buffer, text: g.join(''), cursor: at + inserted.length };
}

/** Insert typed or pasted text at the cursor (line breaks only in a multi-line buffer). */
export function insertText(buffer: EditBuffer, input: string): EditBuffer {
  let text = input.replace(/\r\n?/gu, '\n');
  text = buffer.multiline ? text.replace(/\t/gu, '  ') : text.replace(/[\n\t]+/gu, ' ');
  // drop other control characters (escape sequences the terminal sent along)
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, '');
  if (text === '') return buffer;
  return splice(buffer, buffer.cursor, 0, text);
}

export function backspace(buffer: EditBuffer): EditBuffer {
  if (buffer.cursor === 0) return buffer;
  return splice(buffer, buffer.cursor - 1, 1, '');
}

export function deleteForward(buffer: EditBuffer): EditBuffer {
  if (buffer.cursor >= graphemes(buffer.text).length) return buffer;
  return splice(buffer, buffer.cursor, 1, '');
}

/** The line and column (in graphemes) of the cursor, and the lines of the text. */
export function cursorLine(buffer: EditBuffer): { lines: string[][]; line: number; column: number } {
  const lines: string[][] = [[]];
  let line = 0;
  let column = 0;
  let i = 0;
  for (const g of graphemes(buffer.text)) {
    if (i === buffer.cursor) {
      line = lines.length - 1;
      column = (lines[lines.length - 1] ?? []).length;
    }
    if (g === '\n') lines.push([]);
    else lines[lines.length - 1]?.push(g);
    i++;
  }
  if (buffer.cursor >= i) {
    line = lines.length - 1;
    column = (lines[lines.length - 1] ?? []).length;
  }
  return { lines, line, column };
}

function offsetOf(lines: readonly (readonly string[])[], line: number, column: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) offset += (lines[l]?.length ?? 0) + 1;
  return offset + Math.min(column, lines[line]?.length ?? 0);
}

/** Columns (display width) of the first `n` graphemes of a line. */
function widthOf(line: readonly string[], n: number): number {
  return displayWidth(line.slice(0, n).join(''));
}

/** The grapheme index in `line` closest to display column `col`. */
function columnAt(line: readonly string[], col: number): number {
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const w = displayWidth(line[i] ?? '');
    if (used + w > col) return i;
    used += w;
  }
  return line.length;
}

export type CursorMove = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

export function moveCursor(buffer: EditBuffer, move: CursorMove): EditBuffer {
  const total = graphemes(buffer.text).length;
  const { lines, line, column } = cursorLine(buffer);
  const current = lines[line] ?? [];
  switch (move) {
    case 'left':
      return { ...buffer, cursor: Math.max(0, buffer.cursor - 1) };
    case 'right':
      return { ...buffer, cursor: Math.min(total, buffer.cursor + 1) };
    case 'home':
      return { ...buffer, cursor: offsetOf(lines, line, 0) };
    case 'end':
      return { ...buffer, cursor: offsetOf(lines, line, current.length) };
    case 'up':
    case 'down': {
      const target = move === 'up' ? line - 1 : line + 1;
      const targetLine = lines[target];
      if (targetLine === undefined) return { ...buffer, cursor: move === 'up' ? 0 : total };
      return { ...buffer, cursor: offsetOf(lines, target, columnAt(targetLine, widthOf(current, column))) };
    }
  }
}
