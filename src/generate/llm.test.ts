import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../core/problems.js';
import { buildMessages, capText, checkAnswer, generateWithLlm, llmOptionsFromEnv, normalizeBaseUrl, type LlmOptions, type LlmSectionInput } from './llm.js';

// ---------------------------------------------------------------------------------------------
// a small OpenAI-compatible server, answering with whatever the current test's handler says

interface Received {
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: { model?: unknown; messages?: { role: string; content: string }[]; temperature?: unknown; response_format?: unknown };
}

type Reply = { status?: number; content?: string | null; raw?: string; headers?: Record<string, string>; hang?: boolean; delayMs?: number };
type Handler = (request: Received, index: number) => Reply;

let server: Server;
let baseUrl: string;
let handler: Handler;
let received: Received[];

function userText(request: Received): string {
  return request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
}

function completion(content: string | null): string {
  return JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const body = reply.raw ?? (status === 200 ? completion(reply.content ?? null) : JSON.stringify({ error: { message: `error ${status}` } }));
  res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: Received = {
        url: req.url ?? '',
        method: req.method ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
      };
      received.push(request);
      const reply = handler(request, received.length - 1);
      if (reply.hang === true) return; // never answers: the client's timeout must fire
      if (reply.delayMs !== undefined) setTimeout(() => send(res, reply), reply.delayMs);
      else send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  handler = () => ({ status: 500 });
});

function options(extra: Partial<LlmOptions> = {}): LlmOptions {
  return { baseUrl, model: 'test-model', apiKey: 'sk-test', similar: 2, retryDelayMs: 5, ...extra };
}

const zhSection: LlmSectionInput = {
  id: 'returns.md#退货政策',
  headingPath: ['售后服务', '退货政策'],
  title: '售后服务',
  text: '自签收之日起七日内，商品完好的，买家可以申请无理由退货，退货运费由买家承担。',
  language: 'zh',
};

const enSection: LlmSectionInput = {
  id: 'returns-en.md#return-window',
  headingPath: ['Returns', 'Return window'],
  text: 'You can return most items within 30 days of delivery. Return shipping is free for damaged items.',
  language: 'en',
};

const goodZh = JSON.stringify({
  questions: [
    { question: ' 退货运费谁出？ ', similar: ['退货邮费谁承担', '退货  运费', '退货运费谁出?', '退货要自己付运费吗'] },
    { question: '几天内可以退货？', similar: ['多久能退货', '签收后还能退吗'] },
  ],
});

// ---------------------------------------------------------------------------------------------

describe('generateWithLlm', () => {
  it('returns validated questions: trimmed, deduplicated, similar capped at N', async () => {
    handler = () => ({ content: goodZh });
    const { results, problems, stats } = await generateWithLlm([zhSection], options());
    expect(problems).toEqual([]);
    expect(results).toEqual([
      {
        id: zhSection.id,
        questions: [
          // "退货运费谁出?" is the question again after normalization; the 4th is over similar: 2
          { question: '退货运费谁出？', similar: ['退货邮费谁承担', '退货 运费'] },
          { question: '几天内可以退货？', similar: ['多久能退货', '签收后还能退吗'] },
        ],
      },
    ]);
    expect(stats).toMatchObject({ sections: 1, succeeded: 1, failed: 0, requests: 1, retries: 0 });
    expect(stats.dropped).toEqual({ wrongLanguage: 0, tooLong: 0, duplicate: 1, overLimit: 1 });
  });

  it('accepts JSON wrapped in ```json fences', async () => {
    handler = () => ({ content: 'Here you are:\n```json\n{"questions":[{"question":"How long is the return window?","similar":["How many days do I have to return?"]}]}\n```' });
    const { results, problems } = await generateWithLlm([enSection], options({ similar: 1 }));
    expect(problems).toEqual([]);
    expect(results[0]?.questions).toEqual([{ question: 'How long is the return window?', similar: ['How many days do I have to return?'] }]);
  });

  it('reports an answer that is not JSON, and gives no result for the section', async () => {
    handler = () => ({ content: '退货运费由买家承担。' });
    const { results, problems, stats } = await generateWithLlm([zhSection], options());
    expect(results).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: PROBLEM_CODES.LLM_FAILED, severity: 'warning', file: zhSection.id });
    expect(problems[0]?.message).toContain('not JSON');
    expect(problems[0]?.message).toContain('售后服务 > 退货政策');
    expect(stats.failed).toBe(1);
    expect(received).toHaveLength(1); // not retried
  });

  it('reports JSON of the wrong shape', async () => {
    handler = () => ({ content: JSON.stringify({ questions: [{ q: '退货运费谁出？' }] }) });
    const { results, problems } = await generateWithLlm([{ ...zhSection, path: 'sources/returns.md' }], options());
    expect(results).toEqual([]);
    expect(problems[0]?.file).toBe('sources/returns.md');
    expect(problems[0]?.message).toContain('does not have the shape');
    expect(problems[0]?.message).toContain('"questions.0.question"');
  });

  it('reports an answer with no questions', async () => {
    handler = () => ({ content: '{"questions":[]}' });
    const { results, problems } = await generateWithLlm([zhSection], options());
    expect(results).toEqual([]);
    expect(problems[0]?.message).toContain('no questions');
  });

  it('drops questions in the wrong language and counts them; none left is a failure', async () => {
    handler = (request) =>
      userText(request).includes('七日内')
        ? { content: JSON.stringify({ questions: [{ question: 'Who pays for return shipping?', similar: [] }, { question: '退货运费谁出？', similar: ['Who pays?', '退货邮费谁出'] }] }) }
        : { content: JSON.stringify({ questions: [{ question: '退货期限是多久？', similar: [] }, { question: 'Return window 多久?', similar: [] }] }) };
    const { results, problems, stats } = await generateWithLlm([zhSection, enSection], options());
    expect(results).toEqual([{ id: zhSection.id, questions: [{ question: '退货运费谁出？', similar: ['退货邮费谁出'] }] }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(enSection.id);
    expect(problems[0]?.message).toContain('none of the model\'s 2 question(s) is in English');
    expect(stats.dropped.wrongLanguage).toBe(4);
  });

  it('retries after HTTP 500 and succeeds', async () => {
    handler = (_request, index) => (index === 0 ? { status: 500 } : { content: goodZh });
    const { results, problems, stats } = await generateWithLlm([zhSection], options());
    expect(problems).toEqual([]);
    expect(results).toHaveLength(1);
    expect(received).toHaveLength(2);
    expect(stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('gives up after the retries on HTTP 429, honouring Retry-After', async () => {
    handler = () => ({ status: 429, headers: { 'retry-after': '0' } });
    const started = Date.now();
    const { results, problems } = await generateWithLlm([zhSection], options({ retries: 2, retryDelayMs: 10_000 }));
    expect(Date.now() - started).toBeLessThan(5_000); // Retry-After: 0 beat the 10 s backoff
    expect(results).toEqual([]);
    expect(received).toHaveLength(3);
    expect(problems[0]?.message).toContain('HTTP 429');
    expect(problems[0]?.message).toContain('3 attempts');
  });

  it('does not retry HTTP 401, says to set the API key, and skips the sections not yet sent', async () => {
    handler = () => ({ status: 401 });
    const sections = [zhSection, enSection, { ...zhSection, id: 'third' }];
    const { results, problems, stats } = await generateWithLlm(sections, options({ concurrency: 1 }));
    expect(results).toEqual([]);
    expect(received).toHaveLength(1);
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toContain('HTTP 401');
    expect(problems[0]?.message).toContain('KB_LLM_API_KEY');
    expect(problems[1]?.message).toMatch(/^2 section\(s\) were not sent .*returns-en\.md#return-window, third/u);
    expect(stats).toMatchObject({ failed: 3, skipped: 2, requests: 1 });
  });

  it('times out a request that gets no answer', async () => {
    handler = () => ({ hang: true });
    const { results, problems } = await generateWithLlm([zhSection], options({ timeoutMs: 150, retries: 1 }));
    expect(results).toEqual([]);
    expect(received).toHaveLength(2); // a timeout is retried
    expect(problems[0]?.message).toContain('did not answer within 0.15 s (2 attempts)');
  });

  it('reports an endpoint that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { results, problems } = await generateWithLlm([zhSection, enSection], options({ baseUrl: `http://127.0.0.1:${port}/v1`, retries: 0, concurrency: 1 }));
    expect(results).toEqual([]);
    expect(problems[0]?.message).toContain('could not reach');
    expect(problems[0]?.message).toContain('ECONNREFUSED');
    expect(problems[1]?.message).toContain('1 section(s) were not sent');
  });

  it('sends the model, the API key, the section text and JSON mode to <base>/chat/completions', async () => {
    handler = () => ({ content: goodZh });
    await generateWithLlm([zhSection], options({ baseUrl: `${baseUrl}/`, similar: 3, maxQuestions: 4 }));
    const request = received[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body.model).toBe('test-model');
    expect(request?.body.temperature).toBe(0);
    expect(request?.body.response_format).toEqual({ type: 'json_object' });
    expect(request?.body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    const system = request?.body.messages?.[0]?.content ?? '';
    expect(system).toContain('simplified Chinese');
    expect(system).toContain('up to 4');
    expect(system).toContain('give 3 similar questions');
    const user = userText(request as Received);
    expect(user).toContain(zhSection.text);
    expect(user).toContain('Section: 售后服务 > 退货政策');
    expect(user).toContain('Document: 售后服务');
  });

  it('sends no Authorization header without an API key, asks English sections for English', async () => {
    handler = () => ({ content: '{"questions":[{"question":"How long is the return window?","similar":[]}]}' });
    const { apiKey: _unused, ...withoutKey } = options();
    await generateWithLlm([enSection], withoutKey);
    expect(received[0]?.headers.authorization).toBeUndefined();
    expect(received[0]?.body.messages?.[0]?.content).toContain('write every question in English');
  });

  it('asks a traditional Chinese section for traditional characters', () => {
    const [system, user] = buildMessages({ id: 'tw', headingPath: ['退貨政策'], text: '運費由商家承擔。', language: 'zh', traditional: true }, 3);
    expect(system.content).toContain('traditional Chinese (繁體中文)');
    expect(system.content).not.toContain('simplified Chinese');
    expect(user.content).toContain('zh-Hant');
  });

  it('runs at most `concurrency` requests at once and returns results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const sections = Array.from({ length: 7 }, (_, i): LlmSectionInput => ({ id: `s${i}`, headingPath: [], text: `section ${i}`, language: 'en' }));
    handler = (request) => {
      const n = Number(/section (\d)/u.exec(userText(request))?.[1]);
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => inFlight--, 60 - n * 8);
      return { delayMs: 60 - n * 8, content: JSON.stringify({ questions: [{ question: `What about section ${n}?`, similar: [] }]}) };
    };
    const { results } = await generateWithLlm(sections, options({ concurrency: 3 }));
    expect(results.map((r) => r.id)).toEqual(sections.map((s) => s.id));
    expect(results[6]?.questions[0]?.question).toBe('What about section 6?');
    expect(most).toBe(3);
  });

  it('hands each validated answer to onAnswer and reports progress after each section', async () => {
    handler = (request) => (userText(request).includes('退货政策') ? { content: '```json\n' + goodZh + '\n```' } : { status: 400 });
    const answers: [string, string][] = [];
    const progress: unknown[] = [];
    const { stats } = await generateWithLlm([zhSection, enSection], options({ concurrency: 1, onAnswer: (s, content) => void answers.push([s.id, content]), onProgress: (p) => progress.push(p) }));
    expect(stats).toMatchObject({ succeeded: 1, failed: 1 });
    expect(answers).toEqual([[zhSection.id, '```json\n' + goodZh + '\n```']]);
    expect(progress).toEqual([
      { answered: 1, failed: 0, left: 1 },
      { answered: 1, failed: 1, left: 0 },
    ]);
  });

  it('an onAnswer that throws does not fail the section', async () => {
    handler = () => ({ content: goodZh });
    const { results, problems } = await generateWithLlm([zhSection], options({ onAnswer: () => Promise.reject(new Error('disk full')) }));
    expect(results).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('caps the text sent at about 6,000 characters', async () => {
    handler = () => ({ content: goodZh });
    const long = { ...zhSection, text: '退货运费由买家承担。'.repeat(1_000) };
    await generateWithLlm([long], options());
    const user = userText(received[0] as Received);
    expect(user.length).toBeLessThan(6_300);
    expect(user).toContain('Text (cut short):');
  });
});

describe('checkAnswer', () => {
  it('keeps at most maxQuestions questions and drops questions over 120 characters', () => {
    const questions = [{ question: `${'很'.repeat(121)}长？`, similar: [] }, ...Array.from({ length: 6 }, (_, i) => ({ question: `问题${i}是什么？`, similar: [] }))];
    const check = checkAnswer(JSON.stringify({ questions }), 'zh', 0, 3);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.questions.map((q) => q.question)).toEqual(['问题0是什么？', '问题1是什么？', '问题2是什么？']);
    expect(check.dropped).toEqual({ wrongLanguage: 0, tooLong: 1, duplicate: 0, overLimit: 3 });
  });

  it('drops English similar questions that contain CJK and ignores a leading <think> block', () => {
    const check = checkAnswer('<think>想一想</think>\n{"questions":[{"question":"Can I return it?","similar":["Can I 退货?","Can I send it back?"]}]}', 'en', 5);
    expect(check).toEqual({
      ok: true,
      questions: [{ question: 'Can I return it?', similar: ['Can I send it back?'] }],
      dropped: { wrongLanguage: 1, tooLong: 0, duplicate: 0, overLimit: 0 },
    });
  });
});

describe('llmOptionsFromEnv', () => {
  it('reads the base URL, the key and the model', () => {
    const result = llmOptionsFromEnv({ KB_LLM_BASE_URL: 'http://localhost:8000/v1/', KB_LLM_API_KEY: ' sk-1 ', KB_LLM_MODEL: 'qwen' });
    expect(result).toEqual({ ok: true, value: { baseUrl: 'http://localhost:8000/v1', apiKey: 'sk-1', model: 'qwen' }, warnings: [] });
  });

  it('leaves the key out when it is not set', () => {
    const result = llmOptionsFromEnv({ KB_LLM_BASE_URL: 'https://api.example.com/v1/chat/completions', KB_LLM_MODEL: 'm', KB_LLM_API_KEY: '' });
    expect(result).toEqual({ ok: true, value: { baseUrl: 'https://api.example.com/v1', model: 'm' }, warnings: [] });
  });

  it('names each missing or malformed variable and what to set', () => {
    const missing = llmOptionsFromEnv({});
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.problems.map((p) => p.code)).toEqual([PROBLEM_CODES.USAGE, PROBLEM_CODES.USAGE]);
    expect(missing.problems[0]?.message).toMatch(/^KB_LLM_BASE_URL is not set: set it to .*http:\/\/localhost:8000\/v1/u);
    expect(missing.problems[1]?.message).toMatch(/^KB_LLM_MODEL is not set/u);
    const bad = llmOptionsFromEnv({ KB_LLM_BASE_URL: 'localhost:8000', KB_LLM_MODEL: 'm' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]?.message).toContain('KB_LLM_BASE_URL is not an http(s) URL');
  });
});

describe('helpers', () => {
  it('normalizeBaseUrl and capText', () => {
    expect(normalizeBaseUrl('ftp://x/v1')).toBeUndefined();
    expect(normalizeBaseUrl('http://h:1/v1//')).toBe('http://h:1/v1');
    // cut at the sentence end near the limit, else hard at the limit
    expect(capText('一二三四五六七八。十一二', 10)).toEqual({ text: '一二三四五六七八。', truncated: true });
    expect(capText('一二。三四五六七八九十一二', 10)).toEqual({ text: '一二。三四五六七八九', truncated: true });
    expect(capText('short', 8)).toEqual({ text: 'short', truncated: false });
  });
});
