/** The top line: store, progress (`reviewed 37 / 120`), filter, and whether try-it is indexing. */
import type { ReactElement } from 'react';
import type { Entry } from '../../store/entry.js';
import { Box, Text } from '../ink.js';
import { filterLabel, progressText, type Filter } from '../reducer.js';
import { displayWidth, truncate } from '../width.js';

export interface HeaderProps {
  path: string;
  entries: readonly Entry[];
  shown: number;
  filter: Filter;
  indexing: boolean;
  width: number;
}

export function Header({ path, entries, shown, filter, indexing, width }: HeaderProps): ReactElement {
  const p = progressText(entries);
  const left = `kb review ${path}  ${p.reviewed}`;
  const right = `${filterLabel(filter)} (${shown})${p.stale !== undefined ? `  ${p.stale}` : ''}${indexing ? '  indexing…' : ''}`;
  const room = Math.max(0, width - displayWidth(left) - 2);
  return (
    <Box width={width}>
      <Text bold wrap="truncate">
        {truncate(left, width)}
      </Text>
      {room > 3 ? <Text dimColor>{`  ${truncate(right, room)}`}</Text> : null}
    </Box>
  );
}
