/** `kb ingest`: read documents and show what was understood. */
import { DOCUMENT_MODEL_VERSION, type Document } from '../../ingest/document.js';
import { ingestPaths } from '../../ingest/index.js';
import { EXIT } from '../cli.js';
import { printProblems, progressLine, type Output } from '../output.js';

export interface IngestCommandOptions {
  inputs: string[];
  json: boolean;
  tree: boolean;
  sections: boolean;
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(doc: Document): string {
  const parts = [doc.format, plural(doc.sections.length, 'section'), `${doc.chars.toLocaleString('en-US')} chars`];
  if (doc.pages !== undefined) parts.push(plural(doc.pages, 'page'));
  parts.push(doc.language);
  if (doc.warnings.length > 0) parts.push(plural(doc.warnings.length, 'warning'));
  return `${doc.path}  ${doc.title !== '' ? `“${doc.title}”  ` : ''}(${parts.join(', ')})`;
}

/** The heading tree: each heading once, indented by depth, with the size of the section under it (a heading repeated for each section under the same path). */
export function treeLines(doc: Document, withText = false): string[] {
  const lines: string[] = [];
  let previous: string[] = [];
  for (const section of doc.sections) {
    const path = section.headingPath;
    let shared = 0;
    while (shared < path.length && shared < previous.length && path[shared] === previous[shared]) shared++;
    // a second section under the same headings (a FAQ question asked twice) gets its own line
    if (shared === path.length && shared > 0) shared--;
    for (let depth = shared; depth < path.length; depth++) {
      const last = depth === path.length - 1;
      const where = section.location.page !== undefined ? `p.${section.location.page}, ` : '';
      const info = last ? `  (${where}${section.text.length} chars)` : '';
      lines.push(`${'  '.repeat(depth + 1)}${path[depth]}${info}`);
    }
    if (path.length === 0) lines.push(`  (no heading)  (${section.text.length} chars)`);
    if (withText) {
      const preview = section.text.replace(/\n/g, ' ⏎ ');
      lines.push(`${'  '.repeat(path.length + 2)}${preview.length > 100 ? `${preview.slice(0, 100)}…` : preview}`);
    }
    previous = path;
  }
  return lines;
}

export async function runIngest(options: IngestCommandOptions, output: Output): Promise<number> {
  const run = await ingestPaths(options.inputs, {
    maxFileBytes: options.maxFileBytes,
    maxUnzippedBytes: options.maxUnzippedBytes,
    onProgress: progressLine(output),
  });

  if (options.json) {
    output.out(JSON.stringify({ version: DOCUMENT_MODEL_VERSION, documents: run.documents, problems: run.problems }, null, 2));
  } else {
    for (const doc of run.documents) {
      output.out(summaryLine(doc));
      if (options.tree || options.sections) for (const line of treeLines(doc, options.sections)) output.out(line);
    }
    const sections = run.documents.reduce((n, d) => n + d.sections.length, 0);
    const chars = run.documents.reduce((n, d) => n + d.chars, 0);
    const failed = run.failed.length > 0 ? `, ${output.color('red', `${run.failed.length} failed`)}` : '';
    // files of a folder kb cannot read (.doc, .xls, .pptx …): warned about above, counted here
    const skipped = run.skipped.length > 0 ? `, ${output.color('yellow', `${run.skipped.length} skipped`)}` : '';
    output.err(
      `${plural(run.files.length + run.skipped.length, 'file')}: ${run.documents.length} read${failed}${skipped}; ${plural(sections, 'section')}, ${chars.toLocaleString('en-US')} chars`,
    );
  }
  printProblems(output, run.problems);
  if (run.files.length === 0) return EXIT.FAILED;
  return run.failed.length > 0 || run.problems.some((p) => p.severity === 'error') ? EXIT.FAILED : EXIT.OK;
}
