/** The ingest stage's public surface. */
import type { Problem } from '../core/problems.js';
import type { Document } from './document.js';
import { expandInputs } from './expand.js';
import { ingestFile, type IngestOptions } from './ingest.js';

export type { Document, Section, Block, Format, Language, FaqRow } from './document.js';
export { ingestFile, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_UNZIPPED_BYTES, type IngestOptions } from './ingest.js';
export { displayPath, expandInputs } from './expand.js';

export interface IngestRun {
  /** Every file that was tried, in order. */
  files: string[];
  /** Files in the folders named that kb knows it cannot read (.doc, .xls, .pptx, images …): not tried, each reported with a warning. */
  skipped: string[];
  documents: Document[];
  /** Errors (a file failed) and warnings (a file was read with reservations). */
  problems: Problem[];
  /** Files that failed. */
  failed: string[];
}

export interface IngestPathsOptions extends IngestOptions {
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Read every file the inputs name. One bad file never stops the others. */
export async function ingestPaths(inputs: readonly string[], options: IngestPathsOptions = {}): Promise<IngestRun> {
  const { files, skipped, problems } = await expandInputs(inputs, options.cwd);
  const run: IngestRun = { files, skipped, documents: [], problems: [...problems], failed: [] };
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, file);
    const result = await ingestFile(file, options);
    if (result.ok) {
      run.documents.push(result.value);
      run.problems.push(...result.warnings);
    } else {
      run.failed.push(file);
      run.problems.push(...result.problems);
    }
  }
  options.onProgress?.(files.length, files.length, '');
  return run;
}
