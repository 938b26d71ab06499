// Reading customer-question logs: text, CSV, TSV, JSONL; the question column; bad lines; streaming.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/kb.js';
import { LogReader, logFormatOf } from './log.js';

const dir = tempDir('kb-log-');
afterAll(() => dir.remove());

async function read(file: string, options: ConstructorParameters<typeof LogReader>[1] = {}): Promise<{ questions: [string, number][]; reader: LogReader }> {
  const reader = new LogReader(file, options);
  const questions: [string, number][] = [];
  for await (const q of reader.questions()) questions.push([q.question, q.line]);
  return { questions, reader };
}

describe('LogReader', () => {
  it('reads GBK and UTF-16 logs (Chinese Windows exports) as well as UTF-8, and says which it read', async () => {
    const text = readFileSync('fixtures/gaps/log.txt', 'utf8');
    const csv = readFileSync('fixtures/gaps/log.csv', 'utf8');
    const utf8 = await read('fixtures/gaps/log.txt');
    expect(utf8.reader.encoding).toBe('utf-8');
    const gbkText = join(dir.path, 'gbk.txt');
    writeFileSync(gbkText, iconv.encode(text, 'gbk'));
    const gbk = await read(gbkText);
    expect(gbk.reader.encoding).toBe('gb18030');
    expect(gbk.questions).toEqual(utf8.questions);
    const gbkCsv = join(dir.path, 'gbk.csv');
    writeFileSync(gbkCsv, iconv.encode(csv, 'gbk'));
    expect((await read(gbkCsv)).questions).toEqual((await read('fixtures/gaps/log.csv')).questions);
    const utf16 = join(dir.path, 'utf16.txt');
    writeFileSync(utf16, iconv.encode(text, 'utf-16le', { addBOM: true }));
    const wide = await read(utf16);
    expect(wide.reader.encoding).toBe('utf-16le');
    expect(wide.questions).toEqual(utf8.questions);
  });

  it('refuses a log whose encoding it cannot recognise, with one problem', async () => {
    const binary = join(dir.path, 'binary.txt');
    writeFileSync(binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 151 + 7) % 256)));
    const { questions, reader } = await read(binary);
    expect(questions).toEqual([]);
    expect(reader.allProblems().map((p) => p.code)).toEqual(['undecodable-text']);
  });

  it('reads a text log one question a line, skipping empty lines', async () => {
    const { questions, reader } = await read('fixtures/gaps/log.txt');
    expect(questions).toHaveLength(13);
    expect(questions[0]).toEqual(['优惠券怎么用', 1]);
    expect(questions.find(([q]) => q === '会员积分有什么用')?.[1]).toBe(13); // line 12 is empty
    expect(reader.allProblems()).toEqual([]);
  });

  it('finds the question column of a CSV, quoted cells included', async () => {
    const { questions } = await read('fixtures/gaps/log.csv');
    expect(questions.map(([q]) => q)).toEqual(['优惠券怎么用', '优惠券过期了，怎么办', '怎么领优惠券', '包邮吗', '收货地址填错了怎么改', '能改收货地址吗']);
    expect(questions[1]?.[1]).toBe(3);
    const named = await read('fixtures/gaps/log.csv', { column: 'time' });
    expect(named.questions[0]?.[0]).toBe('09:00');
    const wrong = await read('fixtures/gaps/log.csv', { column: 'nope' });
    expect(wrong.questions).toEqual([]);
    expect(wrong.reader.allProblems()[0]?.message).toBe('has no column "nope" (it has: id, time, question); name one of these with --column');
  });

  it('finds the message column of a Chinese chat export (客户消息 among 时间 and 用户ID), and names the columns it has when none fits', async () => {
    const chat = join(dir.path, 'chat-export.csv');
    writeFileSync(chat, '时间,用户ID,客户消息,渠道\n2026-11-16 09:00,u1001,退货运费谁出,app\n2026-11-16 09:01,u1002,发票怎么开,app\n');
    expect((await read(chat)).questions).toEqual([
      ['退货运费谁出', 2],
      ['发票怎么开', 3],
    ]);
    const other = join(dir.path, 'chat-other.csv');
    writeFileSync(other, '时间,用户ID,对话\n09:00,u1,退货运费谁出\n');
    const none = await read(other);
    expect(none.questions).toEqual([]);
    expect(none.reader.allProblems()[0]?.message).toMatch(/^has no question column \(tried q, question, .*; it has: 时间, 用户ID, 对话\); name it with --column$/);
  });

  it('gives a question that spans lines the line it starts on, and an unclosed quote the line that opened it', async () => {
    const file = join(dir.path, 'multiline.csv');
    writeFileSync(file, 'question,agent\n"第一行\n第二行",a\n包邮吗,b\n"没关的引号,c\n发票,d\n');
    const { questions, reader } = await read(file);
    expect(questions).toEqual([
      ['第一行\n第二行', 2],
      ['包邮吗', 4],
    ]);
    expect(reader.allProblems().map((p) => [p.location?.line, p.message])).toEqual([[5, 'has a quote opened on this line that is never closed; fix its quotes (the questions before it were read)']]);
  });

  it('reads JSONL by key and names the bad lines', async () => {
    const { questions, reader } = await read('fixtures/gaps/log.jsonl');
    expect(questions).toEqual([
      ['优惠券怎么用', 1],
      ['优惠券过期了怎么办', 2],
      ['能改收货地址吗', 5],
      ['收货地址填错了怎么改', 6],
    ]);
    expect(reader.allProblems().map((p) => [p.location?.line, p.code])).toEqual([
      [3, 'bad-row'],
      [4, 'bad-row'],
    ]);
  });

  it('reads TSV, picks the format by extension or as told, and reports a missing file', async () => {
    const tsv = join(dir.path, 'log.tsv');
    await new Promise<void>((resolve) => createWriteStream(tsv).end('用户问题\t时间\n怎么退货\t1\n', resolve));
    expect((await read(tsv)).questions).toEqual([['怎么退货', 2]]);
    const hant = join(dir.path, 'log-hant.tsv');
    await new Promise<void>((resolve) => createWriteStream(hant).end('時間\t客戶問題\n1\t怎麼退貨\n', resolve));
    expect((await read(hant)).questions).toEqual([['怎麼退貨', 2]]);
    expect(logFormatOf('a.CSV')).toBe('csv');
    expect(logFormatOf('a.ndjson')).toBe('jsonl');
    expect(logFormatOf('a.log')).toBe('text');
    expect((await read('fixtures/gaps/log.csv', { format: 'text' })).questions[0]?.[0]).toBe('id,time,question');
    const missing = await read(join(dir.path, 'nope.txt'));
    expect(missing.reader.allProblems()[0]?.code).toBe('file-not-found');
  });

  it('streams a 100,000-line log and reports progress up to the file size', async () => {
    const big = join(dir.path, 'big.txt');
    const out = createWriteStream(big);
    for (let i = 0; i < 100_000; i++) out.write(`question ${i % 1000}\n`);
    await new Promise<void>((resolve) => out.end(resolve));
    let last = [0, 0];
    let calls = 0;
    let n = 0;
    const reader = new LogReader(big, {
      onProgress: (done, total) => {
        calls++;
        last = [done, total];
      },
    });
    for await (const _ of reader.questions()) n++;
    expect(n).toBe(100_000);
    expect(calls).toBeGreaterThan(2);
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBeGreaterThan(1_000_000);
  });

  it('keeps at most 20 problems and counts the rest', async () => {
    const bad = join(dir.path, 'bad.jsonl');
    await new Promise<void>((resolve) => createWriteStream(bad).end(`${Array.from({ length: 25 }, () => '{oops').join('\n')}\n`, resolve));
    const { reader } = await read(bad);
    const problems = reader.allProblems();
    expect(problems).toHaveLength(21);
    expect(problems[20]?.message).toBe('and 5 more lines like these');
  });
});
