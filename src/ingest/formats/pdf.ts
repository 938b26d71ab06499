/**
 * PDF: the only module that imports pdfjs-dist. It opens the file, reads each page's positioned
 * text runs (and, on a page that may hold a ruled table, the rectangles it paints) within time
 * limits, and hands them to `pdf-layout.ts`, which rebuilds lines, paragraphs and headings.
 *
 * Errors are values: unreadable, password-protected and text-less (scanned) files come back as
 * problems; nothing is thrown or printed (pdf.js runs at verbosity 0).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fail, ok, problem, warning, type Problem, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
import { cleanText, fontsInText, isTextItem, layoutPages, meaningfulTitle, placedRun, type RawPage } from './pdf-layout.js';
import { pathRectangles, type PlacedRun, type Rect } from './pdf-tables.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy;
type PdfPage = import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy;

/** Opening the document must finish within this time, or the file is reported as unreadable. */
const OPEN_TIMEOUT_MS = 30_000;
/** Reading one page's text must finish within this time. */
const PAGE_TIMEOUT_MS = 15_000;
/** Pages whose text is requested at once (pdf.js answers them in order; this only saves round trips). */
const PAGE_BATCH = 8;
/** Text-less pages checked for images (to warn about scanned pages in an otherwise text PDF). */
const MAX_IMAGE_CHECKS = 10;

// ---------------------------------------------------------------------------------------------
// pdf.js, loaded once

interface PdfjsAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl: string;
}

let loaded: Promise<{ pdfjs: Pdfjs; assets: PdfjsAssets }> | undefined;

/** Warnings pdf.js prints while it loads in Node, before `verbosity` can be set. */
const LOAD_NOISE = /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill|access the `require`)/u;

function loadPdfjs(): Promise<{ pdfjs: Pdfjs; assets: PdfjsAssets }> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('pdfjs-dist/package.json'));
    const folder = (name: string): string => `${join(dir, name)}/`;
    // pdf.js warns through console.warn at module evaluation (optional canvas polyfills that text
    // extraction does not need); swallow exactly those lines while it loads.
    const consoleWarn = console.warn;
    console.warn = (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && LOAD_NOISE.test(args[0])) return;
      consoleWarn.apply(console, args);
    };
    let pdfjs: Pdfjs;
    try {
      pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = consoleWarn;
    }
    // Node has no web workers: pdf.js runs its worker code in this thread ("fake worker") and imports
    // it from workerSrc; point that at the installed file rather than at a path relative to pdf.mjs.
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(dir, 'legacy', 'build', 'pdf.worker.mjs')).href;
    return {
      pdfjs,
      assets: { cMapUrl: folder('cmaps'), standardFontDataUrl: folder('standard_fonts'), wasmUrl: folder('wasm'), iccUrl: folder('iccs') },
    };
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

// ---------------------------------------------------------------------------------------------
// Errors

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return '';
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return message.replace(/\s+/gu, ' ').replace(/\.$/u, '').trim() || 'unknown error';
}

class Timeout extends Error {
  override name = 'Timeout';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function corrupt(file: string, detail: string): Problem {
  return problem('corrupt-pdf', `is not a readable PDF (${detail}); re-export it or check the file is complete`, { file });
}

function openProblem(error: unknown, file: string): Problem {
  const name = errorName(error);
  if (name === 'PasswordException') return problem('pdf-password', 'is password-protected; save an unprotected copy', { file });
  if (name === 'InvalidPDFException') return corrupt(file, 'invalid PDF structure');
  return corrupt(file, errorMessage(error));
}

/** `%PDF-` must appear near the start; anything else (a renamed text file, HTML) fails at once. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

// ---------------------------------------------------------------------------------------------
// The adapter

async function readPage(doc: PdfDocument, n: number): Promise<{ items: unknown[]; view: number[]; page: PdfPage }> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  return { items: content.items as unknown[], view: [...page.view], page };
}

/**
 * Whether a page's text may sit in a ruled table: two runs on one baseline far apart (cells). Only
 * such pages have their drawing read (building the operator list costs time).
 */
function mayHoldTable(items: readonly unknown[]): boolean {
  const byLine = new Map<number, PlacedRun[]>();
  for (const item of items) {
    const run = placedRun(item);
    if (run === undefined || run.text.trim() === '') continue;
    const key = Math.round(run.y);
    let line = byLine.get(key);
    if (line === undefined) byLine.set(key, (line = []));
    line.push(run);
  }
  for (const runs of byLine.values()) {
    const sorted = runs.sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as PlacedRun;
      if ((sorted[i] as PlacedRun).x - (prev.x + prev.width) > 2.5 * prev.size) return true;
    }
  }
  return false;
}

/** The rectangles a page paints (none when its drawing cannot be read). */
async function pageRectangles(pdfjs: Pdfjs, page: PdfPage): Promise<Rect[]> {
  try {
    const ops = await withTimeout(page.getOperatorList(), PAGE_TIMEOUT_MS, 'reading the page');
    return pathRectangles(ops.fnArray, ops.argsArray, pdfjs.OPS);
  } catch {
    return [];
  }
}

/** Whether a page paints images (to tell a scanned page from a blank one). */
async function paintsImages(pdfjs: Pdfjs, page: PdfPage): Promise<boolean> {
  try {
    const ops = await withTimeout(page.getOperatorList(), PAGE_TIMEOUT_MS, 'reading the page');
    const image = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintImageMaskXObjectRepeat, pdfjs.OPS.paintInlineImageXObjectGroup, pdfjs.OPS.paintImageMaskXObjectGroup]);
    return ops.fnArray.some((fn) => image.has(fn));
  } catch {
    return false;
  }
}

function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 10).join(', ');
  return pages.length > 10 ? `${shown} and ${pages.length - 10} more` : shown;
}

export async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<Result<ParsedDoc>> {
  const file = options.file;
  if (bytes.byteLength === 0) return fail(corrupt(file, 'the file is empty'));
  if (!hasPdfHeader(bytes)) return fail(corrupt(file, 'no %PDF- header'));

  let pdfjs: Pdfjs;
  let assets: PdfjsAssets;
  try {
    ({ pdfjs, assets } = await loadPdfjs());
  } catch (error) {
    return fail(problem('internal', `could not be read: pdf.js failed to load (${errorMessage(error)}); reinstall kb`, { file }));
  }

  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, the caller still hashes `bytes`
    data: new Uint8Array(bytes),
    ...assets,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDocument | undefined;
  try {
    try {
      doc = await withTimeout(task.promise, OPEN_TIMEOUT_MS, 'opening the document');
    } catch (error) {
      return fail(openProblem(error, file));
    }
    return await extract(pdfjs, doc, file);
  } catch (error) {
    return fail(corrupt(file, errorMessage(error)));
  } finally {
    try {
      if (doc !== undefined) await doc.destroy();
      else await task.destroy();
    } catch {
      // destroying a half-opened document can reject; nothing left to release
    }
  }
}

/**
 * The names of the fonts the text uses (`ABCDEF+SimHei`, `Arial-BoldMT`), by pdf.js font id. Text
 * content gives only an id; pdf.js hands a font's name over when it builds a page's operator list,
 * so the list is built for the first page of each font — only when the text uses two fonts or more
 * (a one-font document, as most exported laws are, has no bold to find).
 */
async function fontNamesOf(pages: readonly RawPage[], proxies: ReadonlyMap<number, PdfPage>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const fonts = fontsInText(pages);
  if (fonts.size < 2) return names;
  for (const n of new Set(fonts.values())) {
    const page = proxies.get(n);
    if (page === undefined) continue;
    try {
      await withTimeout(page.getOperatorList(), PAGE_TIMEOUT_MS, `reading page ${n}`);
    } catch {
      continue; // no names: that page's fonts count as regular
    }
    for (const font of fonts.keys()) {
      if (names.has(font) || !page.commonObjs.has(font)) continue;
      const name = (page.commonObjs.get(font) as { name?: unknown } | null)?.name;
      if (typeof name === 'string') names.set(font, name);
    }
  }
  return names;
}

async function extract(pdfjs: Pdfjs, doc: PdfDocument, file: string): Promise<Result<ParsedDoc>> {
  const warnings: Problem[] = [];
  const pages: RawPage[] = [];
  const proxies = new Map<number, PdfPage>();
  const failed: number[] = [];
  const textless: { n: number; page: PdfPage }[] = [];
  for (let start = 1; start <= doc.numPages; start += PAGE_BATCH) {
    const numbers: number[] = [];
    for (let n = start; n < start + PAGE_BATCH && n <= doc.numPages; n++) numbers.push(n);
    const results = await Promise.allSettled(numbers.map((n) => withTimeout(readPage(doc, n), PAGE_TIMEOUT_MS, `reading page ${n}`)));
    results.forEach((result, i) => {
      const n = numbers[i] ?? 0;
      if (result.status === 'rejected') {
        failed.push(n);
        return;
      }
      const { items, view, page } = result.value;
      proxies.set(n, page);
      if (!items.some((item) => isTextItem(item) && item.str.trim() !== '')) textless.push({ n, page });
      pages.push({ page: n, items, view });
    });
  }
  if (failed.length === doc.numPages) return fail(corrupt(file, 'no page could be read'));
  for (const raw of pages) {
    const page = proxies.get(raw.page);
    if (page !== undefined && mayHoldTable(raw.items)) raw.rects = await pageRectangles(pdfjs, page);
  }
  if (failed.length > 0) {
    warnings.push(warning('corrupt-pdf', `page ${pageList(failed)} could not be read and was skipped; re-export the PDF to include it`, { file, location: { page: failed[0] ?? 1 } }));
  }

  const { blocks, chars } = layoutPages(pages, await fontNamesOf(pages, proxies));
  if (chars === 0) return fail(problem('pdf-no-text', 'has no text layer (scanned?); run OCR first', { file }));

  const scannedPages: number[] = [];
  // building a page's operator list decodes its images: look at the first few text-less pages only
  for (const { n, page } of textless.slice(0, MAX_IMAGE_CHECKS)) if (await paintsImages(pdfjs, page)) scannedPages.push(n);
  if (scannedPages.length > 0) {
    warnings.push(
      warning('pdf-no-text', `page ${pageList(scannedPages)} has only images, no text layer (scanned?); run OCR to include it`, {
        file,
        location: { page: scannedPages[0] ?? 1 },
      }),
    );
  }

  const parsed: ParsedDoc = { blocks, pages: doc.numPages, warnings };
  let info: Record<string, unknown> = {};
  try {
    const metadata = await withTimeout(doc.getMetadata(), PAGE_TIMEOUT_MS, 'reading the metadata');
    if (typeof metadata.info === 'object' && metadata.info !== null) info = metadata.info as Record<string, unknown>;
  } catch {
    // broken metadata does not make the text unreadable
  }
  const title = meaningfulTitle(info.Title) ?? blocks.find((b) => b.kind === 'heading')?.text;
  if (title !== undefined) parsed.title = title;
  const meta: Record<string, string> = {};
  for (const [key, name] of [
    ['Author', 'author'],
    ['Subject', 'subject'],
    ['Keywords', 'keywords'],
  ] as const) {
    const value = info[key];
    if (typeof value === 'string' && cleanText(value).trim() !== '') meta[name] = cleanText(value).trim();
  }
  if (Object.keys(meta).length > 0) parsed.meta = meta;
  return ok(parsed);
}
