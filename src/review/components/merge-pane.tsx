/** Merging a kb gaps draft into an existing entry (`m`): words to find the entry, the entries found (one picked), and the questions that move. */
import type { ReactElement } from 'react';
import type { Entry } from '../../store/entry.js';
import { Box, Text } from '../ink.js';
import type { EditBuffer } from '../text-edit.js';
import { fit, truncate } from '../width.js';
import { EditorRowsView } from './editor.js';

export interface MergePaneProps {
  draft: Entry | undefined;
  buffer: EditBuffer;
  /** The entries found for the words typed (mergeCandidates), and the one picked. */
  found: readonly Entry[];
  pick: number;
  width: number;
  height: number;
}

export function MergePane({ draft, buffer, found, pick, width, height }: MergePaneProps): ReactElement {
  const questions = draft === undefined ? [] : [draft.question, ...draft.similar];
  const status = buffer.text.trim() === '' ? 'type words of the entry, or its id' : found.length === 0 ? 'no entry has these words' : '↑ ↓ pick, Enter merges';
  // what is left of the pane under the box, the status and the entries found
  const room = Math.max(0, height - 4 - found.length * 2);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text color="cyan" bold>
        {truncate(`Merge ${draft?.id ?? ''} into the entry:`, width)}
      </Text>
      <EditorRowsView buffer={buffer} width={width} height={1} />
      <Text color={found.length > 0 ? 'green' : 'yellow'} wrap="truncate">
        {truncate(status, width)}
      </Text>
      {found.flatMap((e, i) => [
        <Text key={`${e.id}-q`} wrap="truncate" inverse={i === pick}>
          {fit(`${i === pick ? '›' : ' '} ${e.question}`, width)}
        </Text>,
        <Text key={`${e.id}-i`} wrap="truncate" dimColor>
          {fit(`   ${e.id} · ${e.status} · ${e.similar.length} similar`, width)}
        </Text>,
      ])}
      {room > 1 ? (
        <Text dimColor wrap="truncate">
          {truncate(`Moves ${questions.length} question${questions.length === 1 ? '' : 's'}:`, width)}
        </Text>
      ) : null}
      {questions.slice(0, Math.max(0, room - 1)).map((q, i) => (
        <Text key={`m-${i}`} dimColor wrap="truncate">
          {fit(`  ${q}`, width)}
        </Text>
      ))}
    </Box>
  );
}
