/**
 * A small OpenAI-compatible chat-completions server on 127.0.0.1 for tests: it counts the requests
 * it gets (what a user of `--generator llm` pays for) and answers each as `reply` says — by
 * default with one valid question in the section's language, named after its heading.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MockReply = { status: 200; content: string } | { status: number; retryAfterSeconds?: number };

export interface MockLlm {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  /** The user message of every request received, in order. */
  requests: string[];
  /** How the next requests are answered (the request's user message, its index from 0). */
  reply: (user: string, index: number) => MockReply;
  close: () => Promise<void>;
}

/** The heading path a request names (`Section: A > B`), or its document line. */
export function sectionOf(user: string): string {
  return /^Section: (.*)$/mu.exec(user)?.[1] ?? /^Document: (.*)$/mu.exec(user)?.[1] ?? '';
}

/** A valid answer for a request: one question (and one similar question) in the section's language, naming its heading. */
export function answerFor(user: string): string {
  const heading = sectionOf(user).split(' > ').at(-1) ?? '';
  const zh = /^Language: Chinese/mu.test(user);
  const question = zh ? `${heading}是怎么规定的？` : `What does "${heading}" say?`;
  const similar = zh ? `${heading}怎么说` : `${heading} rules`;
  return JSON.stringify({ questions: [{ question, similar: [similar] }] });
}

export async function startMockLlm(reply: MockLlm['reply'] = (user) => ({ status: 200, content: answerFor(user) })): Promise<MockLlm> {
  const mock: MockLlm = { baseUrl: '', requests: [], reply, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const user = (JSON.parse(body) as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')?.content ?? '';
      mock.requests.push(user);
      const r = mock.reply(user, mock.requests.length - 1);
      if ('content' in r) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: r.content }, finish_reason: 'stop' }] }));
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (r.retryAfterSeconds !== undefined) headers['retry-after'] = String(r.retryAfterSeconds);
      res.writeHead(r.status, headers).end(JSON.stringify({ error: { message: `mock error ${r.status}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mock.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  mock.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return mock;
}
