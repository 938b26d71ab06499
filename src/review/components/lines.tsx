/** Lines of text drawn as they are: the layout already fitted them to the pane. */
import type { ReactElement } from 'react';
import { Box, Text } from '../ink.js';
import type { Line } from '../layout.js';

export function LineView({ line }: { line: Line }): ReactElement {
  return (
    <Text wrap="truncate" {...(line.color !== undefined ? { color: line.color } : {})} bold={line.bold === true} dimColor={line.dim === true} inverse={line.inverse === true}>
      {line.text === '' ? ' ' : line.text}
    </Text>
  );
}

export function Lines({ lines, width, height }: { lines: readonly Line[]; width: number; height: number }): ReactElement {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((line, i) => (
        <LineView key={i} line={line} />
      ))}
    </Box>
  );
}
