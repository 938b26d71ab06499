// Reading customer-question logs: text, CSV, TSV, JSONL; the question column; bad lines; streaming.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/kb.js';
import { describeSource, LogReader, logFormatOf } from './log.js';

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

  it('finds a message column named for the customer (七鱼\'s 访客消息, 买家消息, Customer message) before a general one', async () => {
    const { questions, reader } = await read('fixtures/gaps/chat-visitor.csv');
    expect(questions).toEqual([
      ['优惠券怎么用', 2],
      ['优惠券怎么用 thx', 3],
      ['领的券怎么用不了 pls', 4],
      ['收货地址填错了怎么改', 5],
      ['包邮吗', 6],
    ]);
    expect(describeSource(reader.source, 'csv')).toMatch(/^questions from column "访客消息" \(found by name/u);
    for (const [i, name] of ['买家消息', '顾客消息', '用户消息', 'Customer message'].entries()) {
      const file = join(dir.path, `customer-column-${i}.csv`);
      writeFileSync(file, `时间,客服消息,${name},消息\n09:00,您好,优惠券怎么用,x\n`);
      expect((await read(file)).questions).toEqual([['优惠券怎么用', 2]]);
    }
  });

  it('matches column and key names as role columns are (customer_message, visitor-message, Visitor_Question), before the agent\'s 消息内容', async () => {
    // a smoke test: customer_message was not found, and the agent's replies (消息内容) were read as the questions
    for (const [i, name] of ['customer_message', 'visitor_question', 'visitor-message', 'Visitor_Question', ' VISITOR  MESSAGE ', '客戶_問題'].entries()) {
      const file = join(dir.path, `underscore-column-${i}.csv`);
      writeFileSync(file, `会话ID,${name},消息内容\ns1,优惠券怎么用,您好，在领券中心查看\ns2,包邮吗,满99包邮\n`);
      const { questions, reader } = await read(file);
      expect(questions).toEqual([
        ['优惠券怎么用', 2],
        ['包邮吗', 3],
      ]);
      expect(describeSource(reader.source, 'csv')).toMatch(new RegExp(`^questions from column "${name.trim()}" \\(found by name`, 'u'));
    }
    // and JSONL keys, each line by its own
    const jsonl = join(dir.path, 'underscore-keys.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ visitor_message: '优惠券怎么用', 消息内容: '您好' }),
        JSON.stringify({ 'Customer-Question': '包邮吗' }),
        JSON.stringify({ customer_message: '', content: '积分怎么兑换' }),
      ].join('\n'),
    );
    const keyed = await read(jsonl);
    expect(keyed.questions).toEqual([
      ['优惠券怎么用', 1],
      ['包邮吗', 2],
      ['积分怎么兑换', 3],
    ]);
    expect(keyed.reader.allProblems()).toEqual([]);
  });

  it('gives a question that spans lines the line it starts on, and an unclosed quote the line that opened it', async () => {
    const file = join(dir.path, 'multiline.csv');
    writeFileSync(file, 'question,agent\n"第一行\n第二行",a\n包邮吗,b\n"没关的引号,c\n发票,d\n');
    const { questions, reader } = await read(file);
    expect(questions).toEqual([
      ['第一行\n第二行', 2],
      ['包邮吗', 4],
      ['发票', 6],
    ]);
    expect(reader.allProblems().map((p) => [p.location?.line, p.message])).toEqual([[5, 'has a quote opened on this line that is never closed; the line was skipped and the lines after it read: fix its quotes (a quote inside a cell is written "")']]);
  });

  it('skips a line whose quote is never closed and reads the rows after it, in UTF-8 or GBK, whether the quote runs to the end or to a later quote', async () => {
    const fixture = 'fixtures/gaps/chat-unclosed-quote.csv';
    const gbk = join(dir.path, 'unclosed-gbk.csv');
    writeFileSync(gbk, iconv.encode(readFileSync(fixture, 'utf8'), 'gbk'));
    for (const file of [fixture, gbk]) {
      const { questions, reader } = await read(file);
      // line 5's quote ran over lines 6-9 to line 9's quote, which runs to the end of the file; the
      // agent's message over two lines (3-4) is one row, as it should be
      expect(questions).toEqual([
        ['退货运费谁出', 2],
        ['能改地址吗', 6],
        ['支持货到付款吗', 10],
      ]);
      expect(reader.allProblems().map((p) => [p.code, p.location?.line])).toEqual([
        ['bad-row', 5],
        ['bad-row', 9],
      ]);
      expect(describeSource(reader.source, 'csv')).toMatch(/客户 ×3; left out 客服 ×2 /);
    }
  });

  it('reads only the customer\'s rows of a chat export (角色 客户, not 客服 or 机器人), in UTF-8 or GBK, and says which column and rows it took', async () => {
    const { questions, reader } = await read('fixtures/gaps/chat-export.csv');
    expect(questions).toHaveLength(14);
    // the agent's and the bot's lines talk about 优惠券 and 积分 too: none of them is read
    expect(questions.map(([q]) => q).filter((q) => q.includes('积分') || q.includes('结算页') || q.startsWith('猜您想问'))).toEqual([]);
    expect(questions[0]).toEqual(['在吗', 2]);
    // a message over two lines starts where its row starts
    expect(questions.find(([q]) => q.startsWith('收货地址填错了'))).toEqual(['收货地址填错了怎么改\n急', 18]);
    expect(reader.allProblems()).toEqual([]);
    expect(describeSource(reader.source, 'csv')).toBe(
      'questions from column "内容" (found by name; --column to choose another), only the customer\'s rows by "角色": 客户 ×14; left out 机器人 ×3, 客服 ×6 (--role names the customer\'s, --role-column none reads every row)',
    );
    // a 京东咚咚-style export: GBK, 消息内容 and 发送方 with 顾客
    const jd = join(dir.path, 'dongdong.csv');
    const text = readFileSync('fixtures/gaps/chat-export.csv', 'utf8').replace('会话ID,时间,角色,昵称,内容', '会话编号,发送时间,发送方,昵称,消息内容').replaceAll(',客户,', ',顾客,');
    writeFileSync(jd, iconv.encode(text, 'gbk'));
    const gbk = await read(jd);
    // the same rows; GBK has no emoji or ¥ (a GBK export writes them as ?)
    expect(gbk.questions.map(([, line]) => line)).toEqual(questions.map(([, line]) => line));
    const inGbk = ([q]: [string, number]): boolean => !/[😭👍¥]/u.test(q);
    expect(gbk.questions.filter((_, i) => inGbk(questions[i] as [string, number]))).toEqual(questions.filter(inGbk));
    expect(describeSource(gbk.reader.source, 'csv')).toMatch(/^questions from column "消息内容" .*, only the customer's rows by "发送方": 顾客 ×14; left out 机器人 ×3, 客服 ×6 /);
  });

  it('reads the customer\'s rows of a 千牛 export whose 发送人 is the buyer\'s nickname (the row\'s 买家昵称) or the agent\'s 店铺:子账号', async () => {
    const { questions, reader } = await read('fixtures/gaps/chat-nicknames.csv');
    expect(reader.allProblems()).toEqual([]);
    expect(questions).toEqual([
      ['在吗 优惠券怎么用', 2],
      ['积分能抵现吗', 4],
      ['收货地址填错了怎么改', 6],
      ['包邮吗', 8],
    ]);
    expect(describeSource(reader.source, 'csv')).toBe(
      'questions from column "消息内容" (found by name; --column to choose another), only the customer\'s rows by "发送人": (the row\'s "买家昵称") ×4; left out 美居旗舰店:小美 ×1, 美居旗舰店:阿强 ×2 (--role names the customer\'s, --role-column none reads every row)',
    );
    // --role names the customer's values: the buyer column is not looked at
    const named = await read('fixtures/gaps/chat-nicknames.csv', { roles: ['jane_li'] });
    expect(named.questions.map(([q]) => q)).toEqual(['收货地址填错了怎么改']);
  });

  it('reads a chat tool\'s .xlsx export: the first sheet, the customer\'s rows, with their row numbers', async () => {
    const csv = await read('fixtures/gaps/chat-export.csv');
    const { questions, reader } = await read('fixtures/generated/chat-export.xlsx');
    expect(reader.allProblems()).toEqual([]);
    // one row a record: the row of the message over two lines is its CSV line less the line break before it
    expect(questions.map(([q]) => q)).toEqual(csv.questions.map(([q]) => q));
    expect(questions.slice(0, 3)).toEqual([
      ['在吗', 2],
      ['优惠券怎么用😭', 4],
      ['好的', 6],
    ]);
    expect(describeSource(reader.source, 'xlsx')).toMatch(/^questions from column "内容" .*only the customer's rows by "角色": 客户 ×14; left out 机器人 ×3, 客服 ×6 /);
    expect(logFormatOf('chats.XLSX')).toBe('xlsx');
    // an old .xls or CSV text under an .xlsx name: one problem saying what to do
    const fake = join(dir.path, 'fake.xlsx');
    writeFileSync(fake, '内容\n退货运费谁出\n');
    const bad = await read(fake);
    expect(bad.questions).toEqual([]);
    expect(bad.reader.allProblems().map((p) => p.code)).toEqual(['bad-table']);
    expect(bad.reader.allProblems()[0]?.message).toMatch(/rename it to \.csv/);
  });

  it('reads a role merged down over a customer\'s messages as the role of each, as Excel shows it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会话');
    sheet.addRows([
      ['角色', '内容'],
      ['客户', '在吗'],
      ['', '退货运费谁出'],
      ['', '多久能退款'],
      ['客服', '亲，您好'],
      ['客户', '发票怎么开'],
    ]);
    sheet.mergeCells('A2:A4');
    const file = join(dir.path, 'merged-roles.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const { questions, reader } = await read(file);
    expect(reader.allProblems()).toEqual([]);
    expect(questions).toEqual([
      ['在吗', 2],
      ['退货运费谁出', 3],
      ['多久能退款', 4],
      ['发票怎么开', 6],
    ]);
  });

  it('reads the rows of the roles named, or every row, and says what a role column has when no row is a customer\'s', async () => {
    const everyRow = await read('fixtures/gaps/chat-export.csv', { roleColumn: false });
    expect(everyRow.questions).toHaveLength(23);
    expect(describeSource(everyRow.reader.source, 'csv')).toBe('questions from column "内容" (found by name; --column to choose another), every row: no column such as 角色, 发送方 or role says who wrote it (--role-column names one)');
    const agents = await read('fixtures/gaps/chat-export.csv', { roles: ['客服'] });
    expect(agents.questions).toHaveLength(6);
    const odd = join(dir.path, 'odd-roles.csv');
    writeFileSync(odd, '会话ID,发送方,内容\n1,买家A,退货运费谁出\n1,商家,亲 您好\n2,买家B,礼品卡怎么用\n');
    const none = await read(odd);
    expect(none.questions).toEqual([]);
    expect(none.reader.allProblems().map((p) => p.message)).toEqual([
      'has no row whose "发送方" is a customer\'s (客户, 顾客, 买家, 用户, 访客 …); it has 买家A ×1, 商家 ×1, 买家B ×1: name the customer\'s with --role, or read every row with --role-column none',
    ]);
    expect((await read(odd, { roles: ['买家A', '买家B'] })).questions.map(([q]) => q)).toEqual(['退货运费谁出', '礼品卡怎么用']);
    const missing = await read(odd, { roleColumn: '角色' });
    expect(missing.reader.allProblems().map((p) => [p.location?.line, p.message])).toEqual([
      [1, 'has no column "角色" (it has: 会话ID, 发送方, 内容); name the column saying who wrote each row with --role-column, or none to read every row'],
    ]);
    const noRole = await read('fixtures/gaps/log.csv', { roles: ['客户'] });
    expect(noRole.reader.allProblems()[0]?.message).toMatch(/^has no column saying who wrote each row for --role \(tried role, author type, .*\) \(it has: id, time, question\); name it with --role-column$/);
  });

  it('finds the role column by the names chat tools give it (Author type, author_type, 发言人, From) and knows their values', async () => {
    // before: Author type was not recognised, and every row was read
    const intercom = await read('fixtures/gaps/chat-english.csv');
    expect(intercom.questions).toHaveLength(8);
    expect(describeSource(intercom.reader.source, 'csv')).toMatch(/only the customer's rows by "Author type": user ×8; left out bot ×8, admin ×8 /);
    const jsonl = join(dir.path, 'author-type.jsonl');
    writeFileSync(jsonl, [{ author_type: 'Customer', body: 'x', message: 'where is my refund' }, { author_type: 'Agent', message: 'let me check' }, { author_type: 'end user', message: 'do you ship to ireland' }].map((o) => JSON.stringify(o)).join('\n'));
    expect((await read(jsonl)).questions.map(([q]) => q)).toEqual(['where is my refund', 'do you ship to ireland']);
    const zh = join(dir.path, 'speaker.csv');
    writeFileSync(zh, '时间,发言人,消息\n1,顾客,退货运费谁出\n2,机器人,您好\n3,客服,亲 稍等\n4,买家,礼品卡怎么用\n');
    expect((await read(zh)).questions.map(([q]) => q)).toEqual(['退货运费谁出', '礼品卡怎么用']);
    const from = join(dir.path, 'from.csv');
    writeFileSync(from, 'From,Message\nvisitor,do you ship to ireland\noperator,yes we do\n');
    expect((await read(from)).questions.map(([q]) => q)).toEqual(['do you ship to ireland']);
    // a From or Sender column of names or addresses says nothing about roles: every row is read
    const names = join(dir.path, 'names.csv');
    writeFileSync(names, 'From,Message\njane@example.com,do you ship to ireland\nJohn Smith,where is my refund\n');
    const byName = await read(names);
    expect(byName.questions.map(([q]) => q)).toEqual(['do you ship to ireland', 'where is my refund']);
    expect(byName.reader.allProblems()).toEqual([]);
  });

  it('reads a chat API transcript\'s user lines, and each JSONL line by its own key (kb serve\'s log among others)', async () => {
    const chat = await read('fixtures/gaps/chat-roles.jsonl');
    expect(chat.questions.map(([q]) => q)).toEqual(['优惠券怎么用', '优惠券过期了怎么办 [流泪]', '能改收货地址吗']);
    expect(describeSource(chat.reader.source, 'jsonl')).toMatch(/^questions from key "content" .*only the customer's lines by "role": user ×3; left out assistant ×2, system ×1 /);
    const mixed = join(dir.path, 'mixed.jsonl');
    writeFileSync(
      mixed,
      [
        JSON.stringify({ question: '优惠券怎么用' }),
        JSON.stringify({ text: '积分怎么兑换', user: 'u2' }),
        JSON.stringify({ time: '2026-11-20T10:00:00.000Z', question: '能改收货地址吗', top: 'ship-cost', confidence: 0.12, answered: true }),
        JSON.stringify({ q: '包邮吗' }),
      ].join('\n'),
    );
    const m = await read(mixed);
    expect(m.questions.map(([q]) => q)).toEqual(['优惠券怎么用', '积分怎么兑换', '能改收货地址吗', '包邮吗']);
    expect(m.reader.allProblems()).toEqual([]);
    expect(describeSource(m.reader.source, 'jsonl')).toBe('questions from keys "question" (2), "text" (1), "q" (1) (found by name; --column to choose another)');
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
