/**
 * The question rules, the Q&A markers and the lexicon are written in simplified Chinese. A
 * traditional document (Taiwan, Hong Kong) is read through a simplified view of it, and what the
 * rules write is put back into the document's own script: the runs of a question that the
 * section contains take the section's own characters (台灣 stays 台灣), the rest (the rules'
 * words: 需要多长时间 → 需要多長時間) is converted to the document's standard (`traditionalVariantOf`).
 */
import type { Block, Document, Section } from '../ingest/document.js';
import { simplifiedToTraditional, traditionalToSimplified, traditionalVariantOf, type TraditionalVariant } from '../text/normalize.js';

/** A document as the rules read it, and the way back for what they write about each of its sections. */
export interface RulesView {
  /** The document with its title, headings and text in simplified Chinese (ids, locations and FAQ rows as they were). */
  doc: Document;
  /** Puts a text written from the view of `section` (one of `doc.sections`) back into the document's script; undefined for a simplified or English document. */
  back?: (text: string, section: Section) => string;
}

/** The longest run of a question looked up in its section's text, in characters. */
const MAX_RUN = 24;

/** The view the rules read a document through: itself, unless it is traditional Chinese. */
export function rulesView(doc: Document): RulesView {
  if (doc.language !== 'zh-Hant') return { doc };
  const variant = traditionalVariantOf(doc.sections.map((s) => `${s.headingPath.join('\n')}\n${s.text}`).join('\n'));
  const s = traditionalToSimplified;
  /** view section → [its simplified text, its original text] (the parts whose conversion kept their length, so offsets agree) */
  const contexts = new Map<Section, [string, string]>();
  const sections = doc.sections.map((section) => {
    if (section.faq !== undefined) return section;
    const view: Section = { ...section, headingPath: section.headingPath.map(s), text: s(section.text) };
    if (section.blocks !== undefined) view.blocks = section.blocks.map(simplifiedBlock);
    const parts = [...section.headingPath, section.text];
    const viewParts = [...view.headingPath, view.text];
    const kept = parts.flatMap((p, i) => (viewParts[i]?.length === p.length ? [i] : []));
    contexts.set(view, [kept.map((i) => viewParts[i]).join('\n'), kept.map((i) => parts[i]).join('\n')]);
    return view;
  });
  return {
    doc: { ...doc, title: s(doc.title), sections },
    back: (text, section) => {
      const context = contexts.get(section);
      return context === undefined ? simplifiedToTraditional(text, variant) : inScriptOf(text, context[0], context[1], variant);
    },
  };
}

function simplifiedBlock(block: Block): Block {
  const s = traditionalToSimplified;
  switch (block.kind) {
    case 'list':
      return { ...block, items: block.items.map(s) };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(s)) };
    default:
      return { ...block, text: s(block.text) };
  }
}

/**
 * `text` (simplified) in the script of `original`, whose simplified form is `view` (same length):
 * each longest run of two or more characters found in `view` is copied from `original` at the same
 * offset; what lies between is converted.
 */
function inScriptOf(text: string, view: string, original: string, variant: TraditionalVariant): string {
  const whole = view.indexOf(text);
  if (whole >= 0) return original.slice(whole, whole + text.length);
  let out = '';
  let pending = '';
  for (let i = 0; i < text.length; ) {
    let found = -1;
    let length = 0;
    for (let j = Math.min(text.length, i + MAX_RUN); j >= i + 2; j--) {
      found = view.indexOf(text.slice(i, j));
      if (found >= 0) {
        length = j - i;
        break;
      }
    }
    if (found < 0) {
      pending += text[i];
      i++;
      continue;
    }
    if (pending !== '') out += simplifiedToTraditional(pending, variant);
    pending = '';
    out += original.slice(found, found + length);
    i += length;
  }
  if (pending !== '') out += simplifiedToTraditional(pending, variant);
  return out;
}
