// A Taiwan shop's words (fixtures/customer-queries/shop-tw): what its customers say for what its
// pages write — 統編 for 統一編號, an island's name for 離島, 七天無理由 for 鑑賞期 (the lexicon's
// Taiwan and Hong Kong block, src/analyze/lexicon.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/customer-queries/shop-tw']);
}, BUILD_TIMEOUT);

const top = (question: string): string | undefined => topSection(kb, question);

describe('a Taiwan shop: what customers say for what its pages write', () => {
  it('reads 統編 as the invoice’s 統一編號, and the mainland’s 稅號 too', () => {
    expect(top('我要打統編')).toBe('統一編號');
    expect(top('公司報帳要稅號')).toBe('統一編號');
  });

  it('finds the page that rules out 離島 for a question that names the island', () => {
    expect(top('有寄金門嗎')).toBe('配送範圍');
    expect(top('澎湖可以寄嗎')).toBe('配送範圍');
    expect(top('寄馬祖要多久')).toBe('配送範圍');
  });

  it('finds the 鑑賞期 for the mainland’s 七天無理由', () => {
    expect(top('七天無理由可以退嗎')).toBe('鑑賞期');
  });
});
