/** Which adapter reads a file, decided by its extension. */
import { extname } from 'node:path';
import type { Format } from './document.js';

const BY_EXTENSION: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.xlsx': 'xlsx',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

/** Extensions we know but cannot read, with what to do instead. */
const ADVICE: Record<string, string> = {
  '.doc': 'old Word .doc files are not supported; save it as .docx',
  '.xls': 'old Excel .xls files are not supported; save it as .xlsx',
  '.et': 'WPS spreadsheets (.et) are not supported; save it as .xlsx (WPS: 另存为 Excel 工作簿)',
  '.ppt': 'PowerPoint files are not supported; export the slides to PDF',
  '.pptx': 'PowerPoint files are not supported; export the slides to PDF',
  '.rtf': 'RTF is not supported; save it as .docx or .txt',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function formatOf(path: string): Format | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

export function unsupportedAdvice(path: string): string {
  const ext = extname(path).toLowerCase();
  return (
    ADVICE[ext] ??
    `unknown file type${ext === '' ? ' (no extension)' : ` '${ext}'`}; kb reads ${['.md', '.pdf', '.docx', '.html', '.txt', '.csv', '.tsv', '.xlsx', '.jsonl', '.json'].join(' ')}`
  );
}
