import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromEntries } from '../build/index.js';
import { buildAnalyzerSettings } from '../build/vocabulary.js';
import { generateEntries } from '../generate/index.js';
import { ingestPaths } from '../ingest/index.js';
import { indexFromBytes } from '../runtime/index.js';
import { Analyzer, BIGRAM_PREFIX } from './analyzer.js';
import { expandChatWord } from './english.js';
import { AFTER_SALES_LEXICON } from './lexicon.js';

let analyzer: Analyzer;
beforeAll(async () => {
  const settings = await buildAnalyzerSettings({ texts: ['How do I sign in to my account?'], lexicon: AFTER_SALES_LEXICON });
  if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
  analyzer = new Analyzer(settings.value);
});

const terms = (text: string): string[] => analyzer.analyze(text).filter((t) => !t.startsWith(BIGRAM_PREFIX));

describe("a chat's English as a help page writes it (user test of a UK retailer, 2026-11-27)", () => {
  it('reads log in as sign in, amex as American Express', () => {
    expect(expandChatWord('amex')).toEqual(['american', 'express']);
    expect(terms('cant log in')).toEqual(terms("can't sign in"));
    expect(terms('login')).toEqual(terms('sign in'));
    expect(terms('i logged in')).toEqual(terms('i signed in'));
  });

  it('reads an irregular past form as its verb: forgot / forgotten → forget, paid → pay, sent → send', () => {
    expect(terms('forgot')).toEqual(terms('Forgotten'));
    expect(terms('forgot')).toEqual(terms('forget'));
    expect(terms('i paid twice')).toEqual(terms('i pay twice'));
    expect(terms('sent')).toEqual(terms('send'));
  });

  it("finds the help centre's sign-in and payment articles for a customer's words", async () => {
    const run = await ingestPaths([join(import.meta.dirname, '../../fixtures/ingest/html/help-centre-articles-en.html')]);
    const built = await buildFromEntries(generateEntries(run.documents, {}).entries, {});
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const kb = indexFromBytes(built.value.bytes);
    const top = (q: string) => kb.search(q, { k: 1 })[0]?.source?.headingPath.at(-1);
    // was My tracking hasn’t updated (the negation alone matched)
    expect(top('cant log in')).toBe('I can’t sign in to my account');
    // was My tracking hasn’t updated ("take")
    expect(top('do you take amex')).toBe('Payment options');
  });
});
