/**
 * The ingest stage: files → Documents. `ingestFile` reads one file through its format's adapter
 * and `sectionize`; `ingestPaths` expands paths, folders and globs and reads each file on its own,
 * so one bad file never stops the others. Problems come back as values; nothing is printed.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { KbError, fail, ok, problem, warning, type Problem, type Result, unreadable } from '../core/problems.js';
import { detectScript, normalizeForMatch } from '../text/normalize.js';
import { decodeText } from './decode.js';
import type { Document, Format, Section } from './document.js';
import { UNREADABLE_EXTENSIONS, formatOf, unsupportedAdvice } from './formats.js';
import type { ParseOptions, ParsedBlock, ParsedDoc } from './parsed.js';
import { blockText, sectionize, type SplitSection } from './sectionize.js';
import { misnamedMessage } from './sniff.js';
import { MAX_SECTION_CHARS, PART_CHARS, partHeadingPath } from './split.js';

export interface IngestOptions {
  /** Relative paths are read from this folder (default: the process's working folder); ids and display keep the path as given. */
  cwd?: string;
  /** Files larger than this are refused (bytes). Default 50 MB. */
  maxFileBytes?: number;
  /** DOCX/XLSX archives that unpack to more than this are refused (bytes). Default 200 MB. */
  maxUnzippedBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const MB = 1024 * 1024;

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

type Parsed = { kind: 'doc'; doc: ParsedDoc } | { kind: 'table'; sections: Omit<Section, 'id' | 'matchText'>[]; warnings: Problem[] };

async function parseByFormat(format: Format, bytes: Uint8Array, options: ParseOptions): Promise<Result<Parsed>> {
  const asDoc = (r: Result<ParsedDoc>): Result<Parsed> => (r.ok ? ok({ kind: 'doc', doc: r.value }, r.warnings) : r);
  if (format === 'pdf') {
    const { parsePdf } = await import('./formats/pdf.js');
    return asDoc(await parsePdf(bytes, options));
  }
  if (format === 'docx') {
    const { parseDocx } = await import('./formats/docx.js');
    return asDoc(await parseDocx(bytes, options));
  }
  if (format === 'xlsx') {
    const { parseFaqXlsx } = await import('./formats/table.js');
    return tableSections(await parseFaqXlsx(bytes, options));
  }
  const decoded = decodeText(bytes, options.file);
  if (!decoded.ok) return decoded;
  const parsed = await parseText(format, decoded.value.text, options);
  return parsed.ok ? ok(parsed.value, [...decoded.warnings, ...parsed.warnings]) : parsed;
}

/** A text format's parser over the decoded text. */
async function parseText(format: Exclude<Format, 'pdf' | 'docx' | 'xlsx'>, text: string, options: ParseOptions): Promise<Result<Parsed>> {
  const asDoc = (r: Result<ParsedDoc>): Result<Parsed> => (r.ok ? ok({ kind: 'doc', doc: r.value }, r.warnings) : r);
  if (text.trim() === '') return fail(problem('file-empty', 'contains only whitespace; add content or remove the file', { file: options.file }));
  switch (format) {
    case 'markdown': {
      const { parseMarkdown } = await import('./formats/markdown.js');
      return asDoc(parseMarkdown(text, options));
    }
    case 'html': {
      const { parseHtml } = await import('./formats/html.js');
      return asDoc(parseHtml(text, options));
    }
    case 'text': {
      // Excel's "Unicode text" export: a tab-separated FAQ table saved as .txt (the table reader,
      // with its spreadsheet adapters, is loaded only for a text whose first lines hold a tab)
      if (text.slice(0, 4096).includes('\t')) {
        const table = await import('./formats/table.js');
        if (table.isTabSeparatedFaq(text)) return tableSections(table.parseFaqCsv(text, options));
      }
      const { parseText } = await import('./formats/text.js');
      return asDoc(parseText(text, options));
    }
    case 'csv': {
      const { parseFaqCsv } = await import('./formats/table.js');
      return tableSections(parseFaqCsv(text, options));
    }
    case 'json':
    case 'jsonl': {
      const { parseFaqJsonl } = await import('./formats/table.js');
      return tableSections(parseFaqJsonl(text, options));
    }
  }
}

function tableSections(result: Result<import('./formats/table.js').TableParse>): Result<Parsed> {
  if (!result.ok) return result;
  // a workbook of data tables (a size chart): a document, a section a sheet headed by its name, a table's caption
  // a heading under it, its text as paragraphs, its tables as tables, each at its row
  const tables = result.value.tables;
  if (tables !== undefined && result.value.rows.length === 0) {
    // (a CSV of data: headed by its file's name, located at its lines)
    const blocks: ParsedBlock[] = tables.flatMap(({ sheet, line, parts, csv }): ParsedBlock[] => {
      const at = (n: number): { sheet?: string; line: number } => (csv === true ? { line: n } : { sheet, line: n });
      return [
        { kind: 'heading', depth: 1, text: sheet, location: at(line) },
        ...parts.map((part): ParsedBlock =>
          part.kind === 'table'
            ? { kind: 'table', rows: part.rows, location: at(part.line) }
            : part.kind === 'caption'
              ? { kind: 'heading', depth: 2, text: part.text, location: at(part.line) }
              : { kind: 'paragraph', text: part.text, location: at(part.line) },
        ),
      ];
    });
    return ok({ kind: 'doc', doc: { blocks, warnings: [...result.value.warnings] } }, result.warnings);
  }
  // the heading path is the row's sheet (when a workbook has several FAQ sheets) and category, then its question;
  // the location is the CSV record's first line or the JSON line, or the XLSX sheet and row
  const sections = result.value.rows.map(({ row, line, sheet, onSheet, category }) => ({
    headingPath: [...(sheet === undefined || sheet === category[0] ? [] : [sheet]), ...category, row.question],
    text: row.answer,
    location: onSheet === undefined ? { line } : { sheet: onSheet, line },
    faq: row,
  }));
  return ok({ kind: 'table', sections, warnings: [...result.value.warnings] }, result.warnings);
}

/**
 * Memory to read a .docx, per MB of file: mammoth (the Word reader) holds the whole document as an
 * XML tree, then as its own model, then as HTML. Measured 2026-11-27 (docs/history/ingest.md, Limits): peaks
 * of 0.76 / 0.88 / 1.3 GB for 1 / 2 / 4 MB generated handbooks (14 / 27 / 55 MB of document.xml).
 */
const DOCX_MB_PER_MB = 400;

/** What the file-size guard adds for a .docx: the memory reading it would take. */
function docxMemory(size: number): string {
  const mb = (size / MB) * DOCX_MB_PER_MB;
  const need = mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.ceil(mb)} MB`;
  return ` (reading a .docx takes about ${DOCX_MB_PER_MB} MB of memory per MB of file, most of it inside mammoth, the Word reader: about ${need} for this one; splitting it into smaller documents keeps each read small)`;
}

/** Read one file into a Document. `path` is used as given for display and ids. */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<Result<Document>> {
  const file = path;
  const onDisk = options.cwd !== undefined ? resolve(options.cwd, path) : path;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const format = formatOf(path);
  // an extension kb knows it cannot read (.doc, .xls) is looked into: it may be a .docx or .xlsx renamed
  if (format === undefined && !UNREADABLE_EXTENSIONS.includes(extname(path).toLowerCase())) {
    return fail(problem('unknown-format', unsupportedAdvice(path), { file }));
  }

  let size: number;
  try {
    const info = await stat(onDisk);
    if (info.isDirectory()) return fail(problem('unreadable', 'is a folder; name the files in it or pass the folder to read every supported file', { file }));
    size = info.size;
  } catch {
    return fail(problem('file-not-found', 'does not exist; check the path', { file }));
  }
  // a .doc or .pptx too large (or empty) to look into is taken for what its name says: its advice, not "raise the limit"
  if (format === undefined && (size === 0 || size > maxFileBytes)) return fail(problem('unknown-format', unsupportedAdvice(path), { file }));
  if (size === 0) return fail(problem('file-empty', 'is empty (0 bytes); add content or remove the file', { file }));
  if (size > maxFileBytes) {
    return fail(
      problem(
        'file-too-large',
        `is ${(size / MB).toFixed(1)} MB, over the ${(maxFileBytes / MB).toFixed(0)} MB limit; split it or raise the limit with --max-file-mb${format === 'docx' ? docxMemory(size) : ''}`,
        { file },
      ),
    );
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(onDisk));
  } catch (error) {
    return fail(unreadable(error, file));
  }
  const misnamed = await misnamedMessage(path, format, bytes);
  if (misnamed !== undefined) return fail(problem('wrong-extension', misnamed, { file }));
  if (format === undefined) return fail(problem('unknown-format', unsupportedAdvice(path), { file }));

  const parseOptions: ParseOptions = { file, maxUnzippedBytes: options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES };
  let parsed: Result<Parsed>;
  try {
    parsed = await parseByFormat(format, bytes, parseOptions);
  } catch (error) {
    const code = error instanceof KbError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    return fail(problem(code, `could not be read as ${format} (${message}); check the file, or report this as a kb bug if it opens elsewhere`, { file }));
  }
  if (!parsed.ok) return parsed;

  const warnings: Problem[] = [...parsed.warnings];
  const allText = parsed.value.kind === 'doc'
    ? parsed.value.doc.blocks.map((b) => (b.kind === 'heading' ? b.text : blockText(b))).join('\n')
    : parsed.value.sections.map((s) => `${s.headingPath.join(' ')}\n${s.text}`).join('\n');
  const language = detectScript(allText);
  const simplify = language === 'zh-Hant';
  const toMatchText = (text: string): string => normalizeForMatch(text, { simplify });

  let sections: Section[];
  let title: string | undefined;
  let pages: number | undefined;
  let meta: Record<string, string> | undefined;
  if (parsed.value.kind === 'doc') {
    const doc = parsed.value.doc;
    warnings.push(...doc.warnings);
    const splits: SplitSection[] = [];
    sections = sectionize(doc.blocks, { path, toMatchText, title: doc.title, onSplit: (split) => splits.push(split) });
    warnings.push(...splitWarnings(splits, file));
    title = doc.title;
    pages = doc.pages;
    meta = doc.meta;
  } else {
    warnings.push(...parsed.value.warnings);
    const occurrences = new Map<string, number>();
    sections = parsed.value.sections.map((s) => {
      // the question alone (not the category above it), so that ids stay as they were before categories headed the path
      const key = s.faq?.id ?? s.faq?.question ?? s.headingPath.join('\u0001');
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      return { ...s, id: sha256(`${path}\u0000${key}\u0000${n}`).slice(0, 16), matchText: toMatchText(s.text) };
    });
  }
  if (sections.length === 0) {
    warnings.push(warning('no-sections', 'has no text kb could use (no sections found); check that it is not empty or image-only', { file }));
  }
  warnings.push(...longSections(sections, file));

  const document: Document = {
    id: sha256(path).slice(0, 16),
    path,
    format,
    title: title?.trim() || fileTitle(path),
    hash: sha256(bytes),
    language,
    chars: sections.reduce((n, s) => n + s.text.length, 0),
    sections,
    warnings: warnings.map((w) => (w.file === undefined ? { ...w, file } : w)),
  };
  if (pages !== undefined) document.pages = pages;
  if (meta !== undefined && Object.keys(meta).length > 0) document.meta = meta;
  return ok(document, document.warnings);
}

/**
 * A section longer than this many characters is reported (`long-section`): no bot answer is that long.
 * A document's are split into parts (split.ts) and reported as such; a FAQ row's answer is kept whole.
 */
export const LONG_SECTION_CHARS = MAX_SECTION_CHARS;

/** One `long-section` warning per section split into parts (the first 10; the rest counted in one more). */
function splitWarnings(splits: readonly SplitSection[], file: string): Problem[] {
  const out = splits.slice(0, 10).map((s) => {
    const where: { page?: number; line?: number } = {};
    if (s.location.page !== undefined) where.page = s.location.page;
    if (s.location.line !== undefined) where.line = s.location.line;
    const name = s.headingPath.length > 0 ? `section "${s.headingPath.join(' › ')}"` : 'the text before the first heading';
    const first = partHeadingPath(s.headingPath, 1).join(' › ');
    return warning(
      'long-section',
      `${name} is ${s.chars.toLocaleString('en-US')} characters long, too long for one answer: it was split into ${s.parts.toLocaleString('en-US')} parts of up to ${PART_CHARS.toLocaleString('en-US')} characters at paragraph and sentence breaks ("${first}" …), each with its own questions; add headings to split it by topic (in plain text: a short title line between blank lines)`,
      { file, location: where },
    );
  });
  if (splits.length > 10) out.push(warning('long-section', `${splits.length - 10} more sections are over ${MAX_SECTION_CHARS.toLocaleString('en-US')} characters and were split into parts; add headings to split them`, { file }));
  return out;
}

/** One warning per section over LONG_SECTION_CHARS (the first 10; the rest counted in one more). */
export function longSections(sections: readonly Section[], file: string): Problem[] {
  const long = sections.filter((s) => s.text.length > LONG_SECTION_CHARS);
  const out = long.slice(0, 10).map((s) => {
    const where: { page?: number; line?: number } = {};
    if (s.location.page !== undefined) where.page = s.location.page;
    if (s.location.line !== undefined) where.line = s.location.line;
    const name = s.headingPath.length > 0 ? `section "${s.headingPath.join(' › ')}"` : 'the text before the first heading';
    return warning(
      'long-section',
      `${name} is ${s.text.length.toLocaleString('en-US')} characters long, and a bot would answer with all of it; add headings to split it (in plain text: a short title line between blank lines)`,
      { file, location: where },
    );
  });
  if (long.length > 10) out.push(warning('long-section', `${long.length - 10} more sections are over ${LONG_SECTION_CHARS.toLocaleString('en-US')} characters; add headings to split them`, { file }));
  return out;
}

function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, '');
}
