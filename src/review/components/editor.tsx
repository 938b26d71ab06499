/** A text being edited, with its cursor; the reducer does the editing. */
import type { ReactElement } from 'react';
import { Box, Text } from '../ink.js';
import { editorRows } from '../layout.js';
import { cursorLine, type EditBuffer } from '../text-edit.js';
import { truncate } from '../width.js';

export interface EditorProps {
  title: string;
  buffer: EditBuffer;
  width: number;
  height: number;
  /** A text to edit against, shown under the box (the source's new text when the answer is edited): a title and its wrapped lines. */
  reference?: { title: string; lines: readonly string[] };
}

export function EditorRowsView({ buffer, width, height }: Omit<EditorProps, 'title'>): ReactElement {
  const { lines, line, column } = cursorLine(buffer);
  const rows = editorRows(lines, line, column, width, height);
  return (
    <Box flexDirection="column" width={width}>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate" inverse={buffer.selected === true}>
          {row.before}
          {row.at !== undefined ? <Text inverse>{row.at}</Text> : null}
          {row.after}
          {row.before === '' && row.at === undefined ? ' ' : ''}
        </Text>
      ))}
    </Box>
  );
}

export function Editor({ title, buffer, width, height, reference }: EditorProps): ReactElement {
  // the reference takes at most a third of the pane, the box the rest
  const shown = reference === undefined ? [] : reference.lines.slice(0, Math.max(1, Math.floor(height / 3) - 1));
  const referenceHeight = reference === undefined ? 0 : shown.length + 1;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text color="cyan" bold wrap="truncate">
        {truncate(title, width)}
      </Text>
      <Box flexDirection="column" width={width} height={Math.max(1, height - 1 - referenceHeight)} flexShrink={0}>
        <EditorRowsView buffer={buffer} width={width} height={Math.max(1, height - 1 - referenceHeight)} />
      </Box>
      {reference === undefined ? null : (
        <Box flexDirection="column" width={width}>
          <Text color="magenta" wrap="truncate">
            {truncate(reference.title, width)}
          </Text>
          {shown.map((line, i) => (
            <Text key={i} color="magenta" wrap="truncate">
              {i === shown.length - 1 && shown.length < reference.lines.length ? truncate(`${line}…`, width) : line}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
