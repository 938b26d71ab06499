import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, generateQuestions, pairsInTable, similarQuestions } from './index.js';

// A home-appliance brand's product manual as its after-sales team has it (a trial of 2026-11-26):
// 空气净化器 KJ500 使用说明书 in Word, written by scripts/fixtures/make-manuals.mjs with its content
// model beside it (manual-purifier-zh.expected.json).
const generated = join(import.meta.dirname, '../../fixtures/generated');
const DOCX = join(generated, 'manual-purifier-zh.docx');

interface ManualBlock {
  h1?: string;
  h2?: string;
  table?: string[][];
  merge?: boolean;
}
interface Manual {
  blocks: ManualBlock[];
}

function tableUnder(manual: Manual, heading: string): string[][] {
  const at = manual.blocks.findIndex((b) => b.h1 === heading || b.h2 === heading);
  const table = manual.blocks.slice(at).find((b) => b.table !== undefined)?.table;
  if (table === undefined) throw new Error(`no table under ${heading} in the manual fixture`);
  return table;
}

async function manualEntries() {
  if (!existsSync(DOCX)) throw new Error('run node scripts/make-fixtures.mjs first');
  const manual = JSON.parse(readFileSync(join(generated, 'manual-purifier-zh.expected.json'), 'utf8')) as Manual;
  const run = await ingestPaths([DOCX]);
  return { manual, documents: run.documents, entries: generateEntries(run.documents, { similar: 0 }).entries };
}

describe('a product manual (空气净化器 KJ500, Word)', () => {
  it('makes each troubleshooting symptom one entry that keeps every cause and solution of its merged cell', async () => {
    const { manual, entries } = await manualEntries();
    const [, ...rows] = tableUnder(manual, '故障排除');
    const symptoms = [...new Set(rows.map((r) => r[0] as string))];
    for (const symptom of symptoms) {
      const found = entries.filter((e) => e.question === `${symptom}怎么办？`);
      expect(found, symptom).toHaveLength(1);
      for (const [, cause, solution] of rows.filter((r) => r[0] === symptom)) {
        expect(found[0]?.answer, symptom).toContain(`可能原因：${cause as string}`);
        expect(found[0]?.answer, symptom).toContain(`解决方法：${solution as string}`);
      }
    }
    const noPower = entries.find((e) => e.question === '无法开机怎么办？');
    expect(noPower?.answer.split('\n')).toHaveLength(rows.filter((r) => r[0] === '无法开机').length);
  });

  it('asks about each error code (显示E2是什么意思？) with its meaning and what to do as the answer', async () => {
    const { manual, entries } = await manualEntries();
    const [, ...rows] = tableUnder(manual, '显示代码');
    for (const [code, meaning, action] of rows) {
      const entry = entries.find((e) => e.question === `显示${code as string}是什么意思？`);
      expect(entry?.answer, code).toBe(`含义：${meaning as string}\n处理方法：${action as string}`);
    }
  });

  it('asks about each specification (额定功率是多少？) with its value as the answer, not the whole table', async () => {
    const { manual, entries } = await manualEntries();
    for (const [name, value] of tableUnder(manual, '规格参数')) {
      const entry = entries.find((e) => e.question === `${name as string}是多少？`);
      expect(entry?.answer, name).toBe(`${name as string}：${value as string}`);
    }
    expect(entries.some((e) => e.answer.includes('额定功率') && e.answer.includes('净重'))).toBe(false);
  });

  it('keeps the last part of a numbered parts list an item, not a heading, when a figure caption follows it', async () => {
    const { documents } = await manualEntries();
    const paths = documents[0]?.sections.map((s) => s.headingPath.join(' > ')) ?? [];
    expect(paths).toContain('产品各部件名称');
    expect(paths.filter((p) => p.startsWith('产品各部件名称 >'))).toEqual([]);
    const parts = documents[0]?.sections.find((s) => s.headingPath.join(' > ') === '产品各部件名称');
    expect(parts?.text).toContain('9. 灰尘传感器');
  });

  it('asks how often a part is cleaned or replaced (多久清洁一次), not how long the cleaning takes', async () => {
    const { entries } = await manualEntries();
    const all = entries.flatMap((e) => [e.question, ...e.similar]);
    expect(all).toEqual(expect.arrayContaining(['灰尘传感器多久清洁一次？', '初效层多久清洁一次？', '滤网多久换一次？']));
    expect(all.filter((q) => /清洁一次需要多长时间/u.test(q))).toEqual([]);
  });
});

describe('maintenance intervals', () => {
  const questions = (heading: string[], text: string) => generateQuestions({ headingPath: heading, text }).map((g) => g.question);

  it('names what is cleaned from the sentence, else from the heading, else asks about the action', () => {
    expect(questions(['清洁与保养', '过滤网的清洁'], '过滤网建议每周清洁一次。逆时针旋转取出过滤网组件。')).toContain('过滤网多久清洁一次？');
    expect(questions(['清洁与保养', '喷臂的清洁'], '喷孔可能被堵塞，建议每月检查一次。')).toContain('喷臂多久检查一次？');
    expect(questions(['清洁与保养', '机身的清洁'], '建议每3个月运行一次强力洗程序，并加入专用清洁剂。')).toContain('多久运行一次强力洗程序？');
    expect(questions(['滤网更换'], '滤网的使用寿命约为6至12个月，视使用环境而定。')).toEqual(expect.arrayContaining(['滤网多久换一次？', '滤网能用多久？']));
  });

  it('leaves time limits that are no interval to the time-limit rule', () => {
    expect(questions(['退款'], '商家应当在七日内退款。')).toContain('退款需要多长时间？');
  });
});

describe('pairsInTable: tables of a manual', () => {
  const table = (rows: string[][]) => ({ kind: 'table' as const, rows });

  it('reads a symptom left empty below its first row as the same symptom', () => {
    const pairs = pairsInTable(table([['故障现象', '可能原因', '解决方法'], ['不进水', '水龙头没有打开', '打开水龙头'], ['', '进水管弯折', '理顺进水管'], ['不排水', '过滤网堵塞', '清洁过滤网']]));
    expect(pairs).toEqual([
      { question: '不进水怎么办？', answer: '1. 可能原因：水龙头没有打开；解决方法：打开水龙头\n2. 可能原因：进水管弯折；解决方法：理顺进水管' },
      { question: '不排水怎么办？', answer: '可能原因：过滤网堵塞\n解决方法：清洁过滤网' },
    ]);
  });

  it('reads English error-code tables, and no code table when the codes column holds words', () => {
    expect(pairsInTable(table([['Code', 'Meaning', 'Solution'], ['E1', 'Water inlet timeout', 'Open the tap'], ['E2', 'Drain timeout', 'Clean the filter']]))[0]).toEqual({ question: 'What does E1 mean?', answer: 'Meaning: Water inlet timeout\nSolution: Open the tap' });
    expect(pairsInTable(table([['代码', '说明'], ['会员', '会员价'], ['新客', '新客价'], ['老客', '老客价']]))).toEqual([]);
  });

  it('reads a two-column table as specifications only under a heading that names them', () => {
    const rows = [['额定电压', '220V~'], ['额定功率', '45W'], ['净重', '9.5kg']];
    expect(pairsInTable(table(rows), '规格参数').map((p) => p.question)).toEqual(['额定电压是多少？', '额定功率是多少？', '净重是多少？']);
    expect(pairsInTable(table(rows), '配送说明')).toEqual([]);
    expect(pairsInTable(table([['项目', '参数'], ...rows]), '技术参数')).toHaveLength(3);
  });
});

describe('a manual\'s headings and symptoms as customers ask them', () => {
  const first = (heading: string) => generateQuestions({ headingPath: ['清洁与保养', heading], text: '请按以下方法操作。' })[0]?.question;

  it('asks how to do a care task on a part, and how to use a function', () => {
    expect(first('机身的清洁')).toBe('机身怎么清洁？');
    expect(first('滤网更换')).toBe('滤网怎么更换？');
    expect(first('童锁功能')).toBe('童锁功能怎么用？');
    // two care words: one task (no 清洁与怎么保养？, and no 清洁与保养是什么？ first)
    expect(first('清洁与保养')).toBe('如何清洁保养？');
  });

  it('offers the spoken form of a symptom (无法开机 → 开不了机) among the first similar questions', () => {
    expect(similarQuestions('无法开机怎么办？', { n: 5 })).toContain('开不了机怎么办？');
    expect(similarQuestions('不能启动怎么办？', { n: 5 })).toContain('启动不了怎么办？');
    expect(similarQuestions('无法退货怎么办？', { n: 20 }).filter((q) => q.includes('不了'))).toEqual([]);
  });
});

describe('a product manual exported to PDF (台式洗碗机 WQP6)', () => {
  it('reads its ruled tables as tables: one entry per symptom with all causes (the table going on over a page break), error codes, specifications; no page furniture in answers', async () => {
    const manual = JSON.parse(readFileSync(join(generated, 'manual-dishwasher-zh.expected.json'), 'utf8')) as Manual & { header: string };
    const run = await ingestPaths([join(generated, 'manual-dishwasher-zh.pdf')]);
    const entries = generateEntries(run.documents, { similar: 0 }).entries;
    const [, ...rows] = tableUnder(manual, '故障排除');
    for (const symptom of new Set(rows.map((r) => r[0] as string))) {
      const found = entries.filter((e) => e.question === `${symptom}怎么办？`);
      expect(found, symptom).toHaveLength(1);
      for (const [, cause, solution] of rows.filter((r) => r[0] === symptom)) expect(found[0]?.answer, symptom).toContain(`可能原因：${cause as string}；解决方法：${solution as string}`);
    }
    for (const [code, meaning] of tableUnder(manual, '故障代码').slice(1)) expect(entries.find((e) => e.question === `显示${code as string}是什么意思？`)?.answer, code).toContain(`含义：${meaning as string}`);
    for (const [name, value] of tableUnder(manual, '规格参数')) expect(entries.find((e) => e.question === `${name as string}是多少？`)?.answer, name).toBe(`${name as string}：${value as string}`);
    expect(entries.filter((e) => e.answer.includes(manual.header) || /第 \d+ 页/u.test(e.answer)).map((e) => e.question)).toEqual([]);
  });
});
