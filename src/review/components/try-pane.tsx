/** "Try it": a customer question and the entries it hits, best first; the selected entry marked. */
import type { ReactElement } from 'react';
import type { Hit } from '../../runtime/index.js';
import { Box, Text } from '../ink.js';
import type { EditBuffer } from '../text-edit.js';
import { fit, truncate } from '../width.js';
import { EditorRowsView } from './editor.js';

export const TRY_SHOWN = 5;
/** Under the seconds the first index has taken: that it is the first time only, and what works meanwhile. */
export const FIRST_INDEX_NOTE = 'the first time takes a few seconds (about 10 for 20,000 entries); later changes are indexed in the background. Keys work meanwhile; Esc goes back';
/** How many hits try-it asks the index for. */
export const TRY_K = 20;

export interface TryPaneProps {
  buffer: EditBuffer;
  hits: readonly Hit[] | undefined;
  /** The selected entry: marked among the hits. */
  current: string | undefined;
  /** The hit picked with ↓ (-1: none): Enter goes to it. */
  pick?: number;
  indexing: boolean;
  /** Seconds the first index has been building (the pane counts them). */
  waited?: number;
  /** The entries being indexed. */
  total?: number;
  error: string | undefined;
  width: number;
  height: number;
}

export function TryPane({ buffer, hits, current, pick = -1, indexing, waited = 0, total, error, width, height }: TryPaneProps): ReactElement {
  const rank = hits === undefined ? -1 : hits.findIndex((h) => h.id === current);
  let status: string;
  if (error !== undefined) status = `the index could not be built: ${error}`;
  else if (hits === undefined) status = `indexing${total !== undefined ? ` ${total.toLocaleString('en-US')} entr${total === 1 ? 'y' : 'ies'}` : ''}… ${waited} s`;
  else if (buffer.text.trim() === '') status = 'type a question';
  else if (hits.length === 0) status = 'no entry shares a word with this question';
  else if (rank === 0) status = 'this entry wins ✓';
  else if (rank > 0) status = `this entry ranks ${rank + 1}`;
  // fewer hits than asked for: every entry that matches is listed, and this one is not among them
  else if (hits.length < TRY_K) status = `this entry is not a hit (${hits.length === 1 ? '1 entry matches' : `${hits.length} entries match`})`;
  else status = `this entry is not in the first ${TRY_K}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text color="cyan" bold>
        {truncate(`Try it: a customer asks…${indexing && hits !== undefined ? '  (indexing your changes…)' : ''}`, width)}
      </Text>
      <EditorRowsView buffer={buffer} width={width} height={1} />
      <Text {...(rank === 0 ? { color: 'green' } : hits !== undefined && hits.length > 0 ? { color: 'yellow' } : {})} wrap="truncate">
        {truncate(status, width)}
      </Text>
      {hits === undefined && error === undefined ? (
        <Text dimColor wrap="wrap">
          {FIRST_INDEX_NOTE}
        </Text>
      ) : null}
      {(hits ?? []).slice(0, TRY_SHOWN).flatMap((h, i) => [
        <Text key={`${h.id}-q`} wrap="truncate" {...(h.id === current ? { color: 'green' } : {})} bold={h.id === current} inverse={i === pick}>
          {fit(`${i === pick ? '▸' : ''}${i + 1}. ${h.confidence.toFixed(2)} ${h.question}`, width)}
        </Text>,
        <Text key={`${h.id}-m`} wrap="truncate" dimColor>
          {fit(`   ${h.id}${h.matched !== h.question ? `  matched: ${h.matched}` : ''}`, width)}
        </Text>,
      ])}
    </Box>
  );
}
