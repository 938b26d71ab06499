import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFaqCsv } from './table.js';

const file = fileURLToPath(new URL('../../../fixtures/ingest/tables/shopify-faq.csv', import.meta.url));

// A Shopify FAQ app's export (an apparel shop's user trial, 2026-11-27): answers as its rich-text editor
// saved them, some only inline markup (a link, &ndash;) with no <p> around the text.
describe('an FAQ export whose answers hold inline HTML', () => {
  const parsed = parseFaqCsv(readFileSync(file, 'utf8'), { file: 'shopify-faq.csv', maxUnzippedBytes: 0 });
  const answers = parsed.ok ? parsed.value.rows.map((r) => r.row.answer) : [];

  it('answers with the text: a link its words, named entities their characters', () => {
    expect(parsed.ok).toBe(true);
    // before, an answer of inline markup only came out as written: <a href=…> and 1&ndash;2 in the bot's reply
    expect(answers[0]).toBe('Track it at shop.example/track with your order number. Orders ship in 1–2 business days.');
    expect(answers[1]).toBe('We answer Monday to Friday 9am–6pm ET — weekends 10am–4pm.');
  });

  it('keeps the text around a list, and leaves a bare & that is no entity as it is', () => {
    expect(answers[2]).toBe('Check these first:\nthe billing address\nthe card’s expiry date\nThen call your bank.');
    expect(answers[3]).toBe('Yes: orders under $50 & over $50 ship to P.O. boxes with USPS.');
  });
});
