// Questions a help-centre page asks in its FAQ markup (details, dl, accordions, tabs): taken as
// written even without a question mark, in the language of their own section.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries } from './index.js';
import { asksSomething } from './text.js';

const PAGE = join(import.meta.dirname, '../../fixtures/generate-faq-markup/help-centre.html');

describe('questions of FAQ markup', () => {
  it('marks the sections under a heading of FAQ markup (summary, dt, accordion trigger, tab), not under plain headings', async () => {
    const run = await ingestPaths([PAGE]);
    const asked = (run.documents[0]?.sections ?? []).filter((s) => s.question === true).map((s) => s.headingPath.at(-1));
    expect(asked).toEqual(['退货运费谁承担？', '多久可以退款', 'How long does shipping take?', 'Do you ship to Canada', '发票怎么开', '江浙沪', '偏远地区']);
  });

  it('extracts a question without a question mark as written, and asks about a tab label as a topic', async () => {
    const run = await ingestPaths([PAGE]);
    const { entries } = generateEntries(run.documents, { similar: 5 });
    const of = (heading: string) => entries.find((e) => e.source?.headingPath.at(-1) === heading);
    for (const q of ['多久可以退款', '发票怎么开', 'Do you ship to Canada']) {
      expect(of(q)?.question, q).toBe(q);
      expect(of(q)?.origin, q).toBe('extracted');
    }
    // 多久可以退款 used to be generated as 多久可以退款是什么？
    for (const e of entries) expect(e.question).not.toMatch(/^(?:多久可以退款|发票怎么开)是什么？$/u);
    expect(of('江浙沪')?.origin).toBe('generated');
  });

  it('writes English similar questions for an English question on a Chinese page', async () => {
    const run = await ingestPaths([PAGE]);
    const { entries } = generateEntries(run.documents, { similar: 5 });
    const canada = entries.find((e) => e.question === 'Do you ship to Canada');
    expect(canada?.similar.length).toBeGreaterThan(0);
    for (const q of canada?.similar ?? []) expect(q, q).not.toMatch(/\p{Script=Han}|？/u);
    const shipping = entries.find((e) => e.question === 'How long does shipping take?');
    expect(shipping?.similar).toContain('How long does delivery take?');
  });

  it('tells a heading that asks something from a label', () => {
    for (const h of ['退款多久到账', '支持哪些付款方式', '发票怎么开', '怎样申请换货', 'Are sale items refundable', '积分会过期吗']) expect(asksSomething(h), h).toBe(true);
    for (const h of ['江浙沪', '偏远地区', '优惠券使用说明', 'Shipping', 'Gift cards']) expect(asksSomething(h), h).toBe(false);
  });
});
