// A customer's reply to the bot — 好的, 收到了, ok, 好的谢谢 — asks nothing: no hits, so the bot does
// not answer it. A bot developer's trial answered 好的 with 物流信息一直不更新怎么办？ at 0.58 through
// the 好 of its similar question 快递好几天没动静; kb gaps already counted the same message as small talk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, tempDir } from '../test-support/kb.js';
import { isAcknowledgement } from './chat-text.js';

const dir = tempDir('kb-acknowledgements-');
afterAll(() => dir.remove());
let kb: KnowledgeBase;

beforeAll(async () => {
  const faq = join(dir.path, 'faq.csv');
  writeFileSync(
    faq,
    [
      '标准问题,相似问题,答案',
      '物流信息一直不更新怎么办？,快递好几天没动静|物流卡住了,物流超过72小时未更新，请联系在线客服催件。',
      '退货运费谁承担？,退货邮费谁出,质量问题的退货运费由我们承担，无理由退货由买家承担。',
      '可以开发票吗？,怎么开发票,下单时填写发票抬头和税号即可。',
      'How long does a refund take?,refund time,Refunds are issued within 24 hours after we receive the return.',
    ].join('\n'),
  );
  const out = join(dir.path, 'kb.index');
  const built = await build({ sources: [faq], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);

describe('a whole message that only acknowledges', () => {
  it('is an acknowledgement: 好的, 收到了, ok, got it, thanks so much, okkk', () => {
    for (const m of ['好的', '好', '收到了', '明白', 'ok', 'OK!', 'okkk', 'got it', 'thanks so much', ' 好的~ ']) expect(isAcknowledgement(m), m).toBe(true);
    for (const m of ['没收到', '好几天没动静', 'how much', '好的退货运费谁出', '']) expect(isAcknowledgement(m), m).toBe(false);
  });

  it('gets no hits, with its thanks, calls and marks around it', () => {
    for (const m of ['好的', '好的。', '好的谢谢', '好的，谢谢！', '亲，好的', '收到', 'ok', 'ok thanks', 'got it 👍']) expect(kb.search(m, { k: 3 }), m).toEqual([]);
  });

  it('while a question that starts with one, or has its words, is asked', () => {
    expect(kb.search('好的，那退货运费谁出', { k: 1 })[0]?.question).toBe('退货运费谁承担？');
    expect(kb.search('快递好几天没动静了', { k: 1 })[0]?.question).toBe('物流信息一直不更新怎么办？');
    expect(kb.search('ok how long does a refund take', { k: 1 })[0]?.question).toBe('How long does a refund take?');
  });
});

describe('kb.asksNothing', () => {
  it('tells small talk from a question the KB cannot answer, which search gives no hits alike', () => {
    const smallTalk = ['好的', '好的谢谢', '你好', '亲，在吗', '[表情]', '👍', 'ok thanks', 'hello', '  '];
    for (const m of smallTalk) {
      expect(kb.asksNothing(m), m).toBe(true);
      expect(kb.search(m, { k: 3 }), m).toEqual([]);
    }
    // asks something: a question, one that starts with a courtesy, one the KB cannot answer, an order number alone
    for (const m of ['退货运费谁出', '好的，那退货运费谁出', '今天天气怎么样', '2140570908784866847', 'how long does a refund take']) expect(kb.asksNothing(m), m).toBe(false);
    expect(() => kb.asksNothing(undefined as unknown as string)).toThrow(TypeError);
  });

  it('counts thanks alone, 知道了, 嗯嗯, goodbyes and greetings of the day as small talk (谢谢 was handed off as unanswerable)', () => {
    for (const m of ['谢谢', '谢谢亲', '谢谢你！', '多谢', '辛苦了', '知道了', '嗯嗯', '好的好的', '拜拜', '再见', '早上好', 'good morning', 'yes', 'sure', 'cool 👍']) {
      expect(kb.asksNothing(m), m).toBe(true);
      expect(kb.search(m, { k: 3 }), m).toEqual([]);
    }
    // a negation or a question with them still asks
    for (const m of ['不好', '没收到', '是的吗怎么开发票', '谢谢，怎么开发票', 'no refund yet']) expect(kb.asksNothing(m), m).toBe(false);
  });
});
