/**
 * Headings made by direct formatting in a Word document: no heading style, no outline level, only a
 * look — a short paragraph in bold and/or a larger font (小四 body, 四号/三号 bold headings), often
 * centred. Most Chinese policy documents are written this way. mammoth sees only `<strong>`, so this
 * pass reads the look from the XML (run properties, the paragraph's style and its base styles, the
 * character styles, the document defaults) and gives each such heading the style id `kbLookN`,
 * which the style map turns into `hN`.
 *
 * - **Body look**: the size (and bold) of most characters. A heading is stronger than it: at least
 *   1 pt larger, or bold at body size or larger when the body is not bold.
 * - **A heading** is a paragraph whose whole text has that look, short (≤ 40 characters, ≤ 80 in
 *   Latin script), that does not end like a sentence or hold a clause (`，；`), is not a question or
 *   an answer of a Q&A, a warning line (`注意：…`), a table cell, a text box or a bulleted item, is not
 *   one of two or more lines of one look in a row (a bold block, a list of bold steps), and is
 *   followed by body text (directly, or through headings of a weaker look that are themselves
 *   followed by body text). Other bold paragraphs lose their (direct) bold, so that the HTML path's
 *   bold-paragraph rule does not make headings of them after all.
 * - **Levels** come from the looks: larger is higher, then bold, then centred. A look that a styled
 *   heading or an outline-level paragraph of the document also has takes that heading's depth (a bold
 *   16 pt paragraph beside a bold 16 pt `一级标题` is depth 1); other looks are placed below the
 *   deepest styled level that looks stronger, ranked among themselves.
 */
import { headingText } from './heading-look.js';
import { attr, elements, type StyleInfo, inherited, OUTLINE_STYLE_ID, readParagraphStyles, unescapeXml } from './docx-xml.js';

/** The style id a heading by look gets: `kbLook2` is a depth-2 heading. */
export const LOOK_STYLE_ID = 'kbLook';

/** What makes a heading by direct formatting: font size in half-points (Word's `w:sz`), bold, centred. */
export interface Look {
  size: number;
  bold: boolean;
  centred: boolean;
}

/** Word's size when neither the document defaults nor any style set one (10 pt). */
const DEFAULT_SIZE = 20;
/** A heading not in bold must be at least this much larger than the body (half-points: 1 pt). */
const LARGER = 2;

interface RunLook {
  size?: number;
  bold?: boolean;
}

interface Styles {
  paragraphs: Map<string, StyleInfo>;
  /** Run properties of paragraph and character styles, by style id (their own, not inherited). */
  runs: Map<string, RunLook & { basedOn: string | undefined }>;
  /** `w:jc` of paragraph styles, by style id. */
  jc: Map<string, string>;
  /** Names of paragraph and character styles, by style id. */
  names: Map<string, string>;
  defaults: RunLook;
  defaultParagraph: string | undefined;
}

function onOff(xml: string, name: string): boolean | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?/?>`, 'u').exec(xml);
  if (m === null) return undefined;
  const value = attr(m[0], name);
  return value === undefined || !/^(?:0|false|off)$/iu.test(value);
}

/** The size and bold of a `<w:rPr>` (or of any XML holding one). */
function runLook(xml: string): RunLook {
  const rPr = /<w:rPr\b[^>]*>([\s\S]*?)<\/w:rPr>/u.exec(xml)?.[1] ?? '';
  const out: RunLook = {};
  const size = Number(attr(rPr, 'w:sz'));
  if (Number.isFinite(size) && size > 0) out.size = size;
  const bold = onOff(rPr, 'w:b');
  if (bold !== undefined) out.bold = bold;
  return out;
}

function readStyles(stylesXml: string): Styles {
  const runs = new Map<string, RunLook & { basedOn: string | undefined }>();
  const jc = new Map<string, string>();
  const names = new Map<string, string>();
  let defaultParagraph: string | undefined;
  for (const s of elements(stylesXml, 'w:style')) {
    const head = `<x${s.attrs}>`;
    const id = attr(head, 'x', 'w:styleId');
    const type = attr(head, 'x', 'w:type');
    if (id === undefined || (type !== 'paragraph' && type !== 'character')) continue;
    runs.set(id, { ...runLook(s.body), basedOn: attr(s.body, 'w:basedOn') });
    const name = attr(s.body, 'w:name');
    if (name !== undefined) names.set(id, unescapeXml(name));
    const align = attr(/<w:pPr\b[\s\S]*?<\/w:pPr>/u.exec(s.body)?.[0] ?? '', 'w:jc');
    if (align !== undefined) jc.set(id, align);
    if (type === 'paragraph' && /\bw:default="(?:1|true)"/u.test(head)) defaultParagraph = id;
  }
  const defaults = runLook(/<w:rPrDefault\b[\s\S]*?<\/w:rPrDefault>/u.exec(stylesXml)?.[0] ?? '');
  return { paragraphs: readParagraphStyles(stylesXml), runs, jc, names, defaults, defaultParagraph };
}

/** A style's run look with its base styles' beneath it. */
function styleRunLook(styles: Styles, id: string | undefined): RunLook {
  const chain: RunLook[] = [];
  const seen = new Set<string>();
  for (let s = id; s !== undefined && !seen.has(s); s = styles.runs.get(s)?.basedOn) {
    seen.add(s);
    const look = styles.runs.get(s);
    if (look !== undefined) chain.unshift(look);
  }
  const out: RunLook = {};
  for (const look of chain) {
    if (look.size !== undefined) out.size = look.size;
    if (look.bold !== undefined) out.bold = look.bold;
  }
  return out;
}

function styleJc(styles: Styles, id: string | undefined): string | undefined {
  const seen = new Set<string>();
  for (let s = id; s !== undefined && !seen.has(s); s = styles.runs.get(s)?.basedOn) {
    seen.add(s);
    const value = styles.jc.get(s);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Heading style names the style map knows (docx.ts), and the depth each maps to. */
function styleNameDepth(name: string | undefined): number | 'title' | undefined {
  if (name === undefined) return undefined;
  const numbered = /^(?:heading|标题|標題)\s*([1-6])$/iu.exec(name);
  if (numbered) return Number(numbered[1]);
  const chinese = /^([一二三四五六])级标题$/u.exec(name);
  if (chinese) return '一二三四五六'.indexOf(chinese[1] ?? '') + 1;
  if (/^(?:title|标题|標題|subtitle|副标题|副標題)$/iu.test(name)) return 'title';
  return undefined;
}

/** Word's character style linked to a heading style: `Heading 1 Char`, `标题 1 字符`. */
const HEADING_CHAR = /^(?:heading|标题|標題)\s*([1-6])\s*(?:char|字符|字元)$/iu;

interface Para {
  /** Where the paragraph's `<w:pPr>` is (or would go), in the document XML. */
  pPrStart: number;
  pPrEnd: number;
  /** Where its `</w:p>` is. */
  end: number;
  /** The paragraph names its style (`w:pStyle`). */
  styled: boolean;
  text: string;
  look: Look;
  /** The depth a style, an outline level or a `Heading N Char` run style gives it; 'title' for Title/Subtitle. */
  explicit: number | 'title' | undefined;
  /** A table cell, a TOC entry or a bulleted item: never a heading by look. */
  excluded: boolean;
}

/** Replace the content of every `<name>…</name>` with spaces (positions stay where they are). */
function blank(xml: string, name: string): string {
  return xml.replace(new RegExp(`(<${name}\\b[^>]*(?<!/)>)([\\s\\S]*?)(</${name}>)`, 'gu'), (_, open: string, body: string, close: string) => open + ' '.repeat(body.length) + close);
}

/** Positions of `<w:tbl>` openings (+1) and closings (-1), in order. */
function tableEdges(xml: string): { at: number; step: number }[] {
  return [...xml.matchAll(/<(\/?)w:tbl(?=[\s>])/gu)].map((m) => ({ at: m.index, step: m[1] === '/' ? -1 : 1 }));
}

function readParagraphs(documentXml: string, styles: Styles): Para[] {
  // text boxes, the alternatives mammoth does not read, deleted text and tracked old properties are not the document's text
  let xml = blank(documentXml, 'w:txbxContent');
  for (const name of ['mc:Choice', 'w:del', 'w:pPrChange', 'w:rPrChange']) xml = blank(xml, name);
  const edges = tableEdges(xml);
  let edge = 0;
  let tableDepth = 0;
  const out: Para[] = [];
  for (const m of xml.matchAll(/<w:p(?=[\s>/])[^>]*?(\/?)>/gu)) {
    if (m[1] === '/') continue;
    const open = m.index + m[0].length;
    const close = xml.indexOf('</w:p>', open);
    if (close < 0) break;
    for (; edge < edges.length && (edges[edge]?.at ?? 0) < m.index; edge++) tableDepth += edges[edge]?.step ?? 0;
    const body = xml.slice(open, close);
    const pPr = /^\s*(?:<w:pPr\s*\/>|<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>)/u.exec(body)?.[0] ?? '';
    const own = pPr.replace(/<w:rPr\b[\s\S]*?<\/w:rPr>/gu, '');
    const styleId = attr(own, 'w:pStyle') ?? styles.defaultParagraph;
    const paragraphLook = { ...styles.defaults, ...styleRunLook(styles, styleId) };
    let text = '';
    let size = Number.POSITIVE_INFINITY;
    let bold = true;
    const charDepths = new Set<string | undefined>();
    for (const r of body.slice(pPr.length).matchAll(/<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/gu)) {
      const run = r[1] ?? '';
      const t = [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map((x) => unescapeXml(x[1] ?? '')).join('');
      if (t === '') continue;
      text += t;
      if (t.trim() === '') continue;
      const rPr = /^\s*<w:rPr\b[\s\S]*?<\/w:rPr>/u.exec(run)?.[0] ?? '';
      const rStyle = attr(rPr, 'w:rStyle');
      const look = { size: DEFAULT_SIZE, ...paragraphLook, ...styleRunLook(styles, rStyle), ...runLook(rPr) };
      size = Math.min(size, look.size);
      bold &&= look.bold === true;
      charDepths.add(HEADING_CHAR.exec(styles.names.get(rStyle ?? '') ?? '')?.[1]);
    }
    const jc = attr(own, 'w:jc') ?? styleJc(styles, styleId);
    const styleName = styles.paragraphs.get(styleId ?? '')?.name;
    let explicit: number | 'title' | undefined;
    if (styleId?.startsWith(OUTLINE_STYLE_ID) === true) explicit = Number(styleId.slice(OUTLINE_STYLE_ID.length));
    else explicit = styleNameDepth(styleName);
    const outline = inherited(styles.paragraphs, styleId, 'outline');
    if (explicit === undefined && outline !== undefined && outline <= 5) explicit = outline + 1;
    const charDepth = charDepths.size === 1 ? [...charDepths][0] : undefined;
    if (explicit === undefined && charDepth !== undefined) explicit = Number(charDepth);
    const numId = attr(/<w:numPr\b[\s\S]*?<\/w:numPr>/u.exec(own)?.[0] ?? '', 'w:numId') ?? inherited(styles.paragraphs, styleId, 'numId');
    const excluded = tableDepth > 0 || (numId !== undefined && numId !== '0') || /^(?:toc|目录|目錄)\b/iu.test(styleName ?? '');
    const pPrStart = open + (/^\s*/u.exec(body)?.[0].length ?? 0);
    out.push({
      pPrStart,
      pPrEnd: pPr === '' ? pPrStart : open + pPr.length,
      end: close,
      styled: attr(own, 'w:pStyle') !== undefined,
      text,
      look: { size: Number.isFinite(size) ? size : DEFAULT_SIZE, bold, centred: jc === 'center' },
      explicit,
      excluded,
    });
  }
  return out;
}

/** Compare two looks: larger first, then bold, then centred. Positive when `a` is stronger. */
export function compareLooks(a: Look, b: Look): number {
  return a.size - b.size || Number(a.bold) - Number(b.bold) || Number(a.centred) - Number(b.centred);
}

const sameLook = (a: Look, b: Look): boolean => compareLooks(a, b) === 0;

export interface LookResult {
  xml: string;
  /** Paragraphs made headings by their look. */
  headings: number;
}

/**
 * Give each paragraph that is a heading by its look alone the style id `kbLookN` (N its depth), so
 * mammoth's style map makes it an `hN` (see the module comment). Run after `labelNumbering`, whose
 * outline-level style ids it reads as explicit headings.
 */
export function markLookHeadings(documentXml: string, stylesXml: string | undefined): LookResult {
  const styles = readStyles(stylesXml ?? '');
  const paragraphs = readParagraphs(documentXml, styles).filter((p) => p.text.trim() !== '');

  // the body's look: the size and bold of most characters
  const counts = new Map<string, { look: Look; n: number }>();
  for (const p of paragraphs) {
    const key = `${p.look.size}/${p.look.bold}`;
    const seen = counts.get(key) ?? { look: { ...p.look, centred: false }, n: 0 };
    seen.n += [...p.text.replace(/\s+/gu, '')].length;
    counts.set(key, seen);
  }
  const body = [...counts.values()].sort((a, b) => b.n - a.n || a.look.size - b.look.size)[0]?.look;
  if (body === undefined) return { xml: documentXml, headings: 0 };

  const stronger = (look: Look): boolean => look.size >= body.size + LARGER || (look.size >= body.size && look.bold && !body.bold);
  const candidate = paragraphs.map((p) => p.explicit === undefined && !p.excluded && stronger(p.look) && headingText(p.text));
  // two or more lines of one look in a row are a bold block or a list of bold lines, not headings
  const inRun = candidate.map((c, i) => {
    const same = (j: number): boolean => candidate[j] === true && sameLook((paragraphs[j] as Para).look, (paragraphs[i] as Para).look);
    return c && (same(i - 1) || same(i + 1));
  });
  // a heading is followed by body text, directly or through weaker headings that are
  const heading = candidate.map(() => false);
  for (let i = paragraphs.length - 2; i >= 0; i--) {
    if (candidate[i] !== true || inRun[i] === true) continue;
    const next = paragraphs[i + 1] as Para;
    if (next.explicit !== undefined) continue;
    heading[i] = heading[i + 1] !== true || compareLooks((paragraphs[i] as Para).look, next.look) > 0;
  }

  // levels: the looks of the document's styled headings anchor theirs
  const explicitLooks: { depth: number; look: Look }[] = [];
  for (const p of paragraphs) if (typeof p.explicit === 'number') explicitLooks.push({ depth: p.explicit, look: p.look });
  const strength = new Map<number, Look>();
  for (const { depth, look } of explicitLooks) {
    const s = strength.get(depth);
    if (s === undefined || compareLooks(look, s) > 0) strength.set(depth, look);
  }
  const looks: Look[] = [];
  paragraphs.forEach((p, i) => {
    if (heading[i] === true && !looks.some((l) => sameLook(l, p.look))) looks.push(p.look);
  });
  looks.sort((a, b) => compareLooks(b, a));
  const base = (look: Look): number => Math.max(0, ...[...strength].filter(([, s]) => compareLooks(s, look) > 0).map(([d]) => d));
  const depthOf = (look: Look): number => {
    const matched = explicitLooks.filter((e) => sameLook(e.look, look)).map((e) => e.depth);
    if (matched.length > 0) return Math.min(...matched);
    const b = base(look);
    const rank = looks.filter((l) => compareLooks(l, look) > 0 && !explicitLooks.some((e) => sameLook(e.look, l)) && base(l) === b).length;
    return Math.min(6, b + 1 + rank);
  };

  let out = '';
  let last = 0;
  let made = 0;
  paragraphs.forEach((p, i) => {
    if (heading[i] !== true) {
      // a bold paragraph that is no heading loses its bold (text unchanged), so that the HTML path's
      // bold-paragraph rule does not make a heading of it after all (a run of bold steps, 注意：…);
      // table cells keep it (a layout table's bold labels are that rule's to read)
      if (p.look.bold && p.explicit === undefined && !p.excluded) {
        out += documentXml.slice(last, p.pPrEnd) + documentXml.slice(p.pPrEnd, p.end).replace(/<w:b(?:\s+w:val="(?:1|true|on)")?\s*\/>/gu, '');
        last = p.end;
      }
      return;
    }
    const id = `${LOOK_STYLE_ID}${depthOf(p.look)}`;
    const pPr = documentXml.slice(p.pPrStart, p.pPrEnd);
    let newPPr: string;
    if (pPr === '') newPPr = `<w:pPr><w:pStyle w:val="${id}"/></w:pPr>`;
    else if (p.styled) newPPr = pPr.replace(/(<w:pStyle\b[^>]*?w:val=")[^"]*(")/u, `$1${id}$2`);
    else newPPr = pPr.replace(/^<w:pPr\b[^>]*?(\/?)>/u, (open, selfClosing: string) => (selfClosing === '/' ? `<w:pPr><w:pStyle w:val="${id}"/></w:pPr>` : `${open}<w:pStyle w:val="${id}"/>`));
    out += documentXml.slice(last, p.pPrStart) + newPPr;
    last = p.pPrEnd;
    made++;
  });
  out += documentXml.slice(last);
  return { xml: out, headings: made };
}
