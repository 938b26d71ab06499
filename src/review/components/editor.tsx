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

export function Editor({ title, buffer, width, height }: EditorProps): ReactElement {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text color="cyan" bold wrap="truncate">
        {truncate(title, width)}
      </Text>
      <EditorRowsView buffer={buffer} width={width} height={Math.max(1, height - 1)} />
    </Box>
  );
}
