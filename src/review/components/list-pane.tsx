/** The list of entries: status in colour, the selected row inverse, scrolled to the selection. */
import type { ReactElement } from 'react';
import type { Entry } from '../../store/entry.js';
import { Box, Text } from '../ink.js';
import { listPane } from '../layout.js';

export interface ListPaneProps {
  entries: readonly Entry[];
  selected: string | undefined;
  width: number;
  height: number;
}

export function ListPane({ entries, selected, width, height }: ListPaneProps): ReactElement {
  const { rows, more } = listPane(entries, selected, height, width);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.length === 0 ? <Text dimColor>{'(no entries)'}</Text> : null}
      {rows.map((row) => (
        <Text key={row.id} wrap="truncate">
          <Text color={row.markColor}>{row.mark}</Text>
          <Text {...(row.stale ? { color: 'magenta' } : {})} inverse={row.selected}>{row.text}</Text>
          <Text> </Text>
        </Text>
      ))}
      {more === undefined ? null : (
        <Text dimColor wrap="truncate">
          {more}
        </Text>
      )}
    </Box>
  );
}
