/** The help screen: every key. */
import type { ReactElement } from 'react';
import { Box, Text } from '../ink.js';
import { HELP_LINES } from '../layout.js';
import { truncate } from '../width.js';

export function Help({ width, height }: { width: number; height: number }): ReactElement {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {HELP_LINES.slice(0, height).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line === '' ? ' ' : truncate(line, width)}
        </Text>
      ))}
    </Box>
  );
}
