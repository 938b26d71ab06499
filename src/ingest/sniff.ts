/**
 * What a file's bytes say it is, for a file whose name says otherwise: a manual saved as
 * `说明书.docx` that is a PDF, a FAQ export named `faq.csv` that is an Excel workbook. Read by its
 * extension, such a file fails with advice for the wrong format ("save it as UTF-8", "re-save it
 * from Word"); told what it is, the user renames it.
 */
import { basename, extname } from 'node:path';
import type { Format } from './document.js';
import { unsupportedAdvice } from './formats.js';
import { zipEntryNames } from './zip-check.js';

type Kind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'old-office';

/**
 * `names`: the extensions a file of the kind rightly has (a .xlsm or .ppsx is the same zip as a .xlsx or
 * .pptx): under one of them it is what its name says, and gets that extension's own advice.
 */
const KINDS: Record<Kind, { name: string; names: readonly string[]; ext?: string; advice?: string }> = {
  pdf: { name: 'a PDF document', names: ['.pdf'], ext: '.pdf' },
  docx: { name: 'a Word document (.docx)', names: ['.docx', '.docm', '.dotx', '.dotm'], ext: '.docx' },
  xlsx: { name: 'an Excel workbook (.xlsx)', names: ['.xlsx', '.xlsm', '.xltx', '.xltm'], ext: '.xlsx' },
  pptx: {
    name: 'a PowerPoint file (.pptx)',
    names: ['.pptx', '.pptm', '.ppsx', '.ppsm', '.potx', '.potm'],
    advice: unsupportedAdvice('.pptx'),
  },
  // a password-protected .docx or .xlsx is an OLE file too: the DOCX / XLSX adapter's message says so
  'old-office': {
    name: 'an old Word or Excel file (.doc or .xls)',
    names: ['.docx', '.xlsx'],
    advice: 'open it in Word, Excel or WPS and save it as .docx or .xlsx',
  },
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kind of file these bytes are, when they are one that is known by its bytes alone. */
export async function sniffKind(bytes: Uint8Array): Promise<Kind | undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // `%PDF-1.7`: the version too, so that a text whose first words are "%PDF-文件…" is not taken for one
  if (/^%PDF-\d\.\d/u.test(buffer.subarray(0, 8).toString('latin1'))) return 'pdf';
  if (OLE_MAGIC.every((byte, i) => buffer[i] === byte)) return 'old-office';
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    // an Office file is a zip whose own entries say which (not the bytes anywhere: a .zip may store a .docx as it is)
    const names = (await zipEntryNames(bytes)) ?? [];
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('ppt/presentation.xml')) return 'pptx';
  }
  return undefined;
}

/**
 * The problem message for a file whose bytes are another kind than its name says (`format`: what its
 * extension reads it as, undefined for an extension kb does not read), or undefined when they agree
 * or the bytes say nothing.
 */
export async function misnamedMessage(path: string, format: Format | undefined, bytes: Uint8Array): Promise<string | undefined> {
  const kind = await sniffKind(bytes);
  if (kind === undefined) return undefined;
  const found = KINDS[kind];
  const ext = extname(path);
  if (found.names.includes(ext.toLowerCase())) return undefined;
  if (kind === 'old-office' && format === undefined) return undefined; // a real .doc or .xls: its own advice
  const named = ext === '' ? 'a file without an extension' : `a ${ext} file`;
  const todo =
    found.ext !== undefined
      ? `rename it to ${basename(path, ext)}${found.ext} and run again`
      : (found.advice ?? '');
  return `is ${found.name}, not ${named} as its name says; ${todo}`;
}
