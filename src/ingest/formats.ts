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

const IMAGE_ADVICE = 'images are not supported (kb reads text, not pictures); type the text a customer needs into a document';
const ARCHIVE_ADVICE = 'archives are not unpacked; extract it and ingest the folder';

/**
 * Extensions we know but cannot read, with what to do instead: named, such a file fails with this
 * advice; met in a folder, it is reported with it as a warning (`expand.ts`). Other unknown files in
 * a folder (.DS_Store, Thumbs.db, a script) are no documents and stay unmentioned.
 */
const ADVICE: Record<string, string> = {
  '.doc': 'old Word .doc files are not supported; save it as .docx',
  '.dot': 'old Word .doc files are not supported; save it as .docx',
  '.docm': 'Word files with macros (.docm) are not supported; save it as .docx',
  '.wps': 'WPS documents (.wps) are not supported; save it as .docx (WPS: 另存为 Word 文档)',
  '.odt': 'OpenDocument text (.odt) is not supported; save it as .docx',
  '.pages': 'Apple Pages files are not supported; export it as .docx or PDF (File › Export To)',
  '.rtf': 'RTF is not supported; save it as .docx or .txt',
  '.xls': 'old Excel .xls files are not supported; save it as .xlsx',
  '.xlsm': 'Excel files with macros (.xlsm) are not supported; save it as .xlsx',
  '.xlsb': 'binary Excel files (.xlsb) are not supported; save it as .xlsx',
  '.et': 'WPS spreadsheets (.et) are not supported; save it as .xlsx (WPS: 另存为 Excel 工作簿)',
  '.ods': 'OpenDocument spreadsheets (.ods) are not supported; save it as .xlsx',
  '.numbers': 'Apple Numbers files are not supported; export it as .xlsx or CSV (File › Export To)',
  '.ppt': 'PowerPoint files are not supported; export the slides to PDF',
  '.pptx': 'PowerPoint files are not supported; export the slides to PDF',
  '.pps': 'PowerPoint files are not supported; export the slides to PDF',
  '.ppsx': 'PowerPoint files are not supported; export the slides to PDF',
  '.dps': 'WPS presentations (.dps) are not supported; export the slides to PDF',
  '.odp': 'OpenDocument presentations (.odp) are not supported; export the slides to PDF',
  '.mht': 'web archives (.mht) are not supported; save the page as .html',
  '.mhtml': 'web archives (.mhtml) are not supported; save the page as .html',
  '.png': IMAGE_ADVICE,
  '.jpg': IMAGE_ADVICE,
  '.jpeg': IMAGE_ADVICE,
  '.gif': IMAGE_ADVICE,
  '.bmp': IMAGE_ADVICE,
  '.webp': IMAGE_ADVICE,
  '.tif': IMAGE_ADVICE,
  '.tiff': IMAGE_ADVICE,
  '.heic': IMAGE_ADVICE,
  '.zip': ARCHIVE_ADVICE,
  '.rar': ARCHIVE_ADVICE,
  '.7z': ARCHIVE_ADVICE,
};

/** Extensions of files kb knows it cannot read (a folder's are reported, with their advice). */
export const UNREADABLE_EXTENSIONS: readonly string[] = Object.keys(ADVICE);

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function formatOf(path: string): Format | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** What to do with a file kb does not read: its advice when kb knows the type, else the list of types kb reads. */
export function unsupportedAdvice(path: string): string {
  const ext = extname(path).toLowerCase();
  return (
    ADVICE[ext] ??
    `unknown file type${ext === '' ? ' (no extension)' : ` '${ext}'`}; kb reads ${['.md', '.pdf', '.docx', '.html', '.txt', '.csv', '.tsv', '.xlsx', '.jsonl', '.json'].join(' ')}`
  );
}
