/**
 * What an entry's source says now, for an entry whose source changed after an editor rewrote its
 * answer: `kb generate` keeps the editor's text (docs/store.md, rule 4), so the new policy text is
 * in no field of the store — the editor re-reviewing the entry needs it to see what changed.
 * The source file is read again and its entries made as `kb generate` makes them (without similar
 * questions); the entry with the same id is what `kb generate` would have written had nobody
 * edited it. Each file is read once a session.
 */
import { DEFAULT_STORE } from '../config/config.js';
import { isFieldEdited, type Entry } from '../store/entry.js';
import { locateSource, projectRoot } from '../store/project-root.js';

/** The fresh text of an entry's section, as `kb generate` would write it now. */
export interface SourceNow {
  answer: string;
}

/** Reads what an entry's source says now (undefined: no source, the file or the section is gone, or it cannot be read). */
export type SourceNowLoader = (entry: Entry) => Promise<SourceNow | undefined>;

/** Whether the editor needs the source's new text: the source changed and the answer shown is the editor's, not the source's. */
export function needsSourceNow(e: Entry | undefined): boolean {
  return e !== undefined && e.stale === 'source-changed' && e.source !== undefined && e.origin !== 'manual' && isFieldEdited(e, 'answer');
}

/**
 * A loader reading source files as kb generate names them: relative to the project of the store
 * (`store`, relative to `cwd`, the folder kb review runs in), or under the spelling an older kb
 * stored them by (store/project-root.ts).
 */
export function sourceNowLoader(cwd: string, store: string = DEFAULT_STORE): SourceNowLoader {
  const root = projectRoot(cwd, store);
  const files = new Map<string, Promise<Map<string, string>>>();
  const answers = (path: string): Promise<Map<string, string>> => {
    let loaded = files.get(path);
    if (loaded === undefined) {
      // loaded when first needed: kb review does not pay for the readers (pdfjs, mammoth…) otherwise
      loaded = Promise.all([import('../ingest/index.js'), import('../generate/index.js')])
        .then(async ([{ ingestPaths }, { generateEntries }]) => {
          const found = locateSource(path, root, cwd, store);
          if (found === undefined) return new Map<string, string>();
          const run = await ingestPaths([path], { cwd: found.base });
          return new Map(generateEntries(run.documents, { similar: 0, gate: false }).entries.map((e) => [e.id, e.answer] as const));
        })
        .catch(() => new Map<string, string>());
      files.set(path, loaded);
    }
    return loaded;
  };
  return async (entry) => {
    if (entry.source === undefined) return undefined;
    const answer = (await answers(entry.source.path)).get(entry.id);
    return answer === undefined ? undefined : { answer };
  };
}
