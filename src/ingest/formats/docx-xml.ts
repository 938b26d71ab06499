/**
 * What mammoth does not read in a Word document, recovered from its XML before mammoth sees it
 * (pure string functions, no XML library: Word's XML is machine-written and regular).
 *
 * - **List numbers.** Word keeps automatic numbers (`第一章`, `第一条`, `一、`, `（一）`, `1.`, `1.1`) in
 *   numbering.xml, not in the text; mammoth reads only "ordered or not" and turns numbered
 *   paragraphs into `<ol>` items, so `第一条` articles became anonymous list items and numbered
 *   chapters lost their `第X章`. `labelNumbering` computes each numbered paragraph's label the way
 *   Word counts (per list, levels restarting below, `w:startOverride` restarts, `%1.%2` level
 *   texts, Chinese counting) and writes it into the paragraph as text, with the paragraph's
 *   numbering switched off, so the label reaches `sectionize` like typed numbering. Bullets stay
 *   lists.
 * - **Outline levels.** A paragraph with a direct outline level (Paragraph › Outline level: Level 1)
 *   is a heading in Word's navigation pane; it gets the style id `kbOutlineN`, which the style map
 *   turns into `hN`. A paragraph style with an outline level (a custom `一级标题`) is mapped by
 *   `outlineStyleMap`.
 */
import { chineseCounting, CN } from '../../text/numerals.js';

export interface NumberingLevel {
  start: number;
  format: string;
  text: string;
  suffix: string;
  /** Legal numbering: every level's number written in decimal. */
  legal: boolean;
  /** The paragraph style this level belongs to (Heading 1 linked to a multilevel list). */
  style: string | undefined;
}

interface NumberingDefinitions {
  /** abstractNumId → levels by ilvl. */
  abstracts: Map<string, Map<number, NumberingLevel>>;
  /** numId → its abstractNumId and the levels it restarts (`w:startOverride`). */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>;
}

/** The style id of a direct outline level: `kbOutline1` is outline level 1 (w:outlineLvl 0). */
export const OUTLINE_STYLE_ID = 'kbOutline';

/** The value of attribute `name` of the first `<element …>` in `xml`. */
export const attr = (xml: string, element: string, name = 'w:val'): string | undefined =>
  new RegExp(`<${element}\\b[^>]*?\\b${name}="([^"]*)"`, 'u').exec(xml)?.[1];

/** XML text → text (the five predefined entities). */
export const unescapeXml = (s: string): string =>
  s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');
const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Every `<name …>…</name>` (not self-closing) in `xml`, outermost, with its attributes and body. */
export function elements(xml: string, name: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  const re = new RegExp(`<${name}\\b([^>]*?)(/?)>`, 'gu');
  const close = `</${name}>`;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] === '/') {
      out.push({ attrs: m[1] ?? '', body: '' });
      continue;
    }
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) break;
    out.push({ attrs: m[1] ?? '', body: xml.slice(re.lastIndex, end) });
    re.lastIndex = end + close.length;
  }
  return out;
}

export function readNumbering(numberingXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  for (const a of elements(numberingXml, 'w:abstractNum')) {
    const id = attr(`<x${a.attrs}>`, 'x', 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, NumberingLevel>();
    for (const [index, l] of elements(a.body, 'w:lvl').entries()) {
      // some exporters (Feishu, web tools) write levels without w:ilvl: take them in order
      const ilvl = Number(attr(`<x${l.attrs}>`, 'x', 'w:ilvl') ?? index);
      levels.set(ilvl, {
        start: Number(attr(l.body, 'w:start') ?? '1'),
        format: attr(l.body, 'w:numFmt') ?? 'decimal',
        text: unescapeXml(attr(l.body, 'w:lvlText') ?? ''),
        suffix: attr(l.body, 'w:suff') ?? 'tab',
        legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/u.test(l.body),
        style: attr(l.body, 'w:pStyle'),
      });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>();
  for (const n of elements(numberingXml, 'w:num')) {
    const id = attr(`<x${n.attrs}>`, 'x', 'w:numId');
    const abstract = attr(n.body, 'w:abstractNumId');
    if (id === undefined || abstract === undefined) continue;
    const overrides = new Map<number, number>();
    for (const o of elements(n.body, 'w:lvlOverride')) {
      const start = attr(o.body, 'w:startOverride');
      if (start !== undefined) overrides.set(Number(attr(`<x${o.attrs}>`, 'x', 'w:ilvl') ?? '0'), Number(start));
    }
    nums.set(id, { abstract, overrides });
  }
  return { abstracts, nums };
}

export interface StyleInfo {
  name: string | undefined;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  outline: number | undefined;
}

export function readParagraphStyles(stylesXml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const s of elements(stylesXml, 'w:style')) {
    const head = `<x${s.attrs}>`;
    if (attr(head, 'x', 'w:type') !== 'paragraph') continue;
    const id = attr(head, 'x', 'w:styleId');
    if (id === undefined) continue;
    const ilvl = attr(s.body, 'w:ilvl');
    const outline = attr(s.body, 'w:outlineLvl');
    const name = attr(s.body, 'w:name');
    styles.set(id, {
      name: name === undefined ? undefined : unescapeXml(name),
      basedOn: attr(s.body, 'w:basedOn'),
      numId: attr(s.body, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      outline: outline === undefined ? undefined : Number(outline),
    });
  }
  return styles;
}

/** A style's own property, or the nearest one it is based on. */
export function inherited<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | undefined, key: K): StyleInfo[K] | undefined {
  const seen = new Set<string>();
  for (let s = id; s !== undefined && !seen.has(s); s = styles.get(s)?.basedOn) {
    seen.add(s);
    const value = styles.get(s)?.[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Style-map lines for paragraph styles that Word treats as headings by their outline level (a
 * custom `一级标题` with Outline level: Level 1) — `p[style-name='一级标题'] => h1:fresh`.
 */
export function outlineStyleMap(stylesXml: string): string[] {
  const out: string[] = [];
  const styles = readParagraphStyles(stylesXml);
  for (const [id, style] of styles) {
    const level = inherited(styles, id, 'outline');
    if (style.name === undefined || level === undefined || level > 5 || /^(?:toc|目录|目錄)\b/iu.test(style.name)) continue;
    if (/['\\]/u.test(style.name)) continue;
    out.push(`p[style-name='${style.name}'] => h${level + 1}:fresh`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Number formats

const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TIANGAN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

function letters(n: number, a: string): string {
  const base = a.charCodeAt(0);
  const letter = String.fromCharCode(base + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) (out += s), (rest -= v);
  return out;
}

/** The number `n` written in Word's `numFmt`. Unknown formats are written in decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/gu, (d) => (d === '0' ? '〇' : (CN[Number(d)] ?? d)));
    case 'ideographTraditional':
      return TIANGAN[n - 1] ?? String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

// ---------------------------------------------------------------------------------------------
// The document pass

/** Where the `<w:pPr>` that opens at `from` ends (nested `w:pPr` inside `w:pPrChange` counted). */
function endOfPPr(xml: string, from: number): number {
  const re = /<(\/?)w:pPr\b[^>]*?(\/?)>/gu;
  re.lastIndex = from;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[2] === '/') {
      if (depth === 0) return re.lastIndex;
      continue;
    }
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return from;
}

/** The run properties (`<w:rPr>…</w:rPr>`, without tracked old ones) of the paragraph's first run with text after `from`, or ''. */
function firstTextRunProps(xml: string, from: number): string {
  const end = xml.indexOf('</w:p>', from);
  const body = xml.slice(from, end < 0 ? undefined : end);
  for (const m of body.matchAll(/<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/gu)) {
    const run = m[1] ?? '';
    if (!/<w:t(?:\s[^>]*)?>[^<]/u.test(run)) continue;
    return /^\s*(<w:rPr\b[\s\S]*?<\/w:rPr>)/u.exec(run)?.[1]?.replace(/<w:rPrChange\b[\s\S]*?<\/w:rPrChange>/gu, '') ?? '';
  }
  return '';
}

export interface LabelResult {
  xml: string;
  /** Numbered paragraphs given a label. */
  labelled: number;
  /** Paragraphs given an outline-level style. */
  outlined: number;
}

/**
 * Write each numbered paragraph's number into its text and mark paragraphs with a direct outline
 * level (see the module comment). `numberingXml` and `stylesXml` may be missing (no lists, no styles).
 */
export function labelNumbering(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): LabelResult {
  const defs = readNumbering(numberingXml ?? '');
  const styles = readParagraphStyles(stylesXml ?? '');
  /** Counters by abstractNumId, and the numIds already started (a new numId with overrides restarts). */
  const counters = new Map<string, (number | undefined)[]>();
  const started = new Set<string>();
  let labelled = 0;
  let outlined = 0;

  const paragraphStart = /<w:p(?=[\s>/])([^>]*?)(\/?)>|<(\/?)mc:Choice\b[^>]*>/gu;
  let out = '';
  let last = 0;
  let inChoice = 0;
  let m: RegExpExecArray | null;
  while ((m = paragraphStart.exec(documentXml)) !== null) {
    if (m[0].startsWith('<mc:') || m[0].startsWith('</mc:')) {
      inChoice += m[3] === '/' ? -1 : 1;
      continue;
    }
    if (m[2] === '/' || inChoice > 0) continue;
    // (XML written by tools other than Word may be indented)
    let openEnd = paragraphStart.lastIndex;
    while (/\s/u.test(documentXml[openEnd] ?? '')) openEnd++;
    const hasPPr = documentXml.startsWith('<w:pPr', openEnd) && !/^<w:pPr\s*\/>/u.test(documentXml.slice(openEnd, openEnd + 12));
    const pPrEnd = hasPPr ? endOfPPr(documentXml, openEnd) : openEnd;
    const pPr = documentXml.slice(openEnd, pPrEnd);
    // the current properties, without the tracked old ones
    const own = pPr.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/gu, '').replace(/<w:rPr\b[\s\S]*?<\/w:rPr>/gu, '');
    // a paragraph deleted with tracked changes on is not in the final text, and Word does not count it
    if (/<w:rPr\b[^>]*>(?:(?!<\/w:rPr>)[\s\S])*<w:del\b/u.test(pPr.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/gu, ''))) continue;
    const styleId = attr(own, 'w:pStyle');
    let newPPr = pPr;
    let label = '';

    const numPr = /<w:numPr\b[\s\S]*?<\/w:numPr>/u.exec(own)?.[0];
    let numId = numPr === undefined ? undefined : attr(numPr, 'w:numId');
    let ilvl = numPr === undefined ? undefined : attr(numPr, 'w:ilvl');
    if (numId === undefined) {
      numId = inherited(styles, styleId, 'numId');
      const styleLevel = inherited(styles, styleId, 'ilvl');
      if (ilvl === undefined && styleLevel !== undefined) ilvl = String(styleLevel);
    }
    const num = numId === undefined ? undefined : defs.nums.get(numId);
    const levels = num === undefined ? undefined : defs.abstracts.get(num.abstract);
    if (num !== undefined && levels !== undefined && numId !== undefined) {
      let level = ilvl === undefined ? undefined : Number(ilvl);
      if (level === undefined) level = [...levels].find(([, l]) => l.style !== undefined && l.style === styleId)?.[0] ?? 0;
      const def = levels.get(level);
      if (def !== undefined && def.format !== 'bullet') {
        const count = counters.get(num.abstract) ?? [];
        if (!started.has(numId)) {
          started.add(numId);
          for (const [l, start] of num.overrides) {
            count[l] = start - 1;
            count.fill(undefined, l + 1);
          }
        }
        count[level] = (count[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
        count.length = level + 1;
        counters.set(num.abstract, count);
        label = def.text.replace(/%([1-9])/gu, (_, k: string) => {
          const i = Number(k) - 1;
          const at = levels.get(i);
          const n = count[i] ?? at?.start ?? 1;
          return formatNumber(n, def.legal && i < level ? 'decimal' : (at?.format ?? 'decimal'));
        });
        if (label !== '' && def.suffix !== 'nothing') label += ' ';
        // numbering off (numId 0 is Word's "no list"), so mammoth reads a plain paragraph
        const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
        newPPr = numPr === undefined ? newPPr.replace(/<\/w:pPr>$/u, `${off}</w:pPr>`) : newPPr.replace(numPr, off);
        if (!hasPPr) newPPr = `<w:pPr>${off}</w:pPr>`;
        labelled++;
      }
    }

    const outline = attr(own, 'w:outlineLvl');
    if (outline !== undefined && Number(outline) <= 5) {
      const id = `${OUTLINE_STYLE_ID}${Number(outline) + 1}`;
      if (!hasPPr && newPPr === '') newPPr = `<w:pPr><w:pStyle w:val="${id}"/></w:pPr>`;
      else if (styleId !== undefined) newPPr = newPPr.replace(/(<w:pStyle\b[^>]*?w:val=")[^"]*(")/u, `$1${id}$2`);
      else newPPr = newPPr.replace(/^<w:pPr\b[^>]*>/u, (open) => `${open}<w:pStyle w:val="${id}"/>`);
      outlined++;
    }

    if (newPPr === pPr && label === '') continue;
    // the number looks like the text after it (bold in a bold heading), as Word shows it
    const run = label === '' ? '' : `<w:r>${firstTextRunProps(documentXml, pPrEnd)}<w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    out += documentXml.slice(last, openEnd) + newPPr + run;
    last = pPrEnd;
  }
  out += documentXml.slice(last);
  return { xml: out, labelled, outlined };
}
