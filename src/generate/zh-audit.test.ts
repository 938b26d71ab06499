// Chinese questions an audit of generated questions judged wrong (2026-11-28), each with made-up text.
import { describe, expect, it } from 'vitest';
import { generateQuestions } from './questions.js';

const asked = (heading: string[], text: string): string[] => generateQuestions({ headingPath: heading, text }).map((g) => g.question);

describe('generated Chinese questions', () => {
  it('the shop speaking of itself has no rights to ask about, only what it may do (was 本店有哪些权利？)', () => {
    const q = asked(['七、其他说明'], '会员权益不可转让。发现恶意刷单的，本店有权清空积分。');
    expect(q).not.toContain('本店有哪些权利？');
    expect(q.join('\n')).toMatch(/本店可以清空积分吗？/u);
    // a seller named in the third person keeps it (a platform's rules)
    expect(asked(['第五条'], '卖家有权拒绝退货。')).toContain('卖家有哪些权利？');
  });

  it('a defect heading asks what to do (was 缩水是什么？)', () => {
    expect(asked(['五、缩水'], '纯棉衣物会有少量自然缩水，请勿高温烘干。')[0]).toBe('缩水怎么办？');
    expect(asked(['褪色与起球'], '深色衣物首次洗涤会轻微褪色。')[0]).toBe('褪色与起球怎么办？');
  });

  it('what a balance is used for is no task (was 如何购买全部商品？)', () => {
    expect(asked(['储值卡'], '储值卡余额可用于购买店内商品，赠送金额有效期6个月。').join('\n')).not.toMatch(/如何购买/u);
  });

  it('who bears a cost in a case asks who pays, not what to do (was 无理由退货怎么办？)', () => {
    const q = asked(['一、无理由退货'], '无理由退货的，寄回运费由买家承担。');
    expect(q).not.toContain('无理由退货怎么办？');
    expect(q.join('\n')).toMatch(/由谁承担？/u);
    // a case with a trouble still asks what to do
    expect(asked(['二、质量问题'], '商品破损的，寄回运费由商家承担。')).toContain('商品破损怎么办？');
  });
});

describe('the customer asks of 我', () => {
  it("the shop's 您 is the customer (was 如何联系客服帮您催件？)", () => {
    const q = asked(['物流查询'], '物流超过3天未更新，请联系客服帮您催件。');
    expect(q).toContain('如何联系客服帮我催件？');
    expect(q.join('\n')).not.toMatch(/您/u);
  });
});

describe('a window after an event', () => {
  it('is when the customer may act (was 带图评价需要多长时间？), not how long the shop takes', () => {
    const q = (text: string) => generateQuestions({ headingPath: ['积分获取'], text }).filter((g) => g.rule === 'time-limit').map((g) => g.question);
    expect(q('评价：确认收货后15天内带图评价，每单得10积分。')).toEqual(['多长时间内可以带图评价？']);
    expect(q('商家应在收到退货后3个工作日内办理退款。')).toEqual(['办理退款需要多长时间？']);
  });
});

describe('colloquial similar questions', () => {
  it('say no greeting or 请问 twice (was 请问您好，请问可以开发票吗？)', async () => {
    const { similarCandidates } = await import('./similar.js');
    const said = similarCandidates('您好，请问可以开发票吗？');
    expect(said).toContain('请问可以开发票吗？');
    expect(said.filter((q) => /请问.*请问|请问您好/u.test(q))).toEqual([]);
  });
});
