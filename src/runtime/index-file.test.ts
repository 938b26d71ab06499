// The index file's layout: a body of many entries round-trips through serializeIndex / parseIndex,
// entries come back from any block, and nothing but the header is JSON at the top.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYZER_OPTIONS } from '../analyze/settings.js';
import { INDEX_FORMAT, INDEX_VERSION, parseIndex, serializeIndex, type IndexBody, type IndexEntry } from './index-file.js';
import { encodeVarints } from './varint.js';

/** A body of n entries with no terms (the postings of zero terms), enough to test the layout. */
function body(n: number): IndexBody {
  const entries: IndexEntry[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    question: `问题 ${i}？\n第二行`,
    similar: [`similar ${i}`],
    answer: `答案 ${'很长'.repeat(i % 50)} ${i}`,
    origin: 'faq',
  }));
  const empty = { postings: encodeVarints([0]), lengths: encodeVarints(Array.from({ length: n * 2 }, () => 0)) };
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    generator: 'test',
    analyzer: { options: DEFAULT_ANALYZER_OPTIONS, vocabulary: [], synonyms: [], stopwords: [] },
    model: {
      k1: 1.2, b: 0.5, answerWeight: 0.3, sectionAnswerWeight: 1, answerB: 0.75, variantCoverage: 0.5, contextWeight: 0,
      bigramWeight: 0.6, unigramWeight: 0.3, associationWeight: 0.4, associations: [],
      calibration: { intercept: -4, coverageWeight: 5, marginWeight: 3, fittedOn: 'default', samples: 0 },
    },
    entries,
    terms: [],
    variants: { ...empty, perEntry: encodeVarints(entries.map(() => 2)) },
    answers: { postings: encodeVarints([0]), lengths: encodeVarints(entries.map(() => 0)) },
    contexts: { postings: encodeVarints([0]), lengths: new Uint8Array(0), ofEntry: encodeVarints(entries.map(() => 0)) },
  };
}

describe('the index file', () => {
  it('gives back every entry of a body of several blocks, first, last and across block edges', () => {
    const original = body(2500);
    const parsed = parseIndex(serializeIndex(original));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.entries.count).toBe(2500);
    expect(parsed.data.entries.blockCount).toBe(3);
    for (const i of [0, 1, 1023, 1024, 1025, 2047, 2048, 2499]) expect(parsed.data.entries.get(i)).toEqual(original.entries[i]);
    expect(() => parsed.data.entries.get(2500)).toThrow(/out of range/);
  });

  it('is the same bytes for the same body, and a header line of JSON before the compressed body', () => {
    const a = serializeIndex(body(300));
    expect(Buffer.compare(a, serializeIndex(body(300)))).toBe(0);
    const header = JSON.parse(a.toString('utf8', 0, a.indexOf(10))) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'kb-index', version: INDEX_VERSION, entries: 300, terms: 0 });
    expect(header['bytes']).toBe(a.length - a.indexOf(10) - 1);
  });

  it('holds an empty knowledge base', () => {
    const parsed = parseIndex(serializeIndex(body(0)));
    expect(parsed.ok && parsed.data.entries.count).toBe(0);
  });
});
