/**
 * Regeneration merges into the store (pure: no I/O). The rules, in the order they are checked for
 * each entry (docs/store.md):
 *
 * 1. A fresh entry with a new id is added (generated and extracted entries as `pending`, FAQ rows
 *    as their table says — `approved`).
 * 2. An entry whose source did not change (same `sourceHash`) is left exactly as it is: whatever an
 *    editor decided or wrote stays, and a re-run changes nothing it does not have to — unless the
 *    run asked another generator for it (`MergeScope.replace`) and nobody touched it: then rule 3.
 * 3. An entry whose source changed and that nobody touched (`pending` — for a FAQ row, `approved`
 *    as its table made it — and not `edited`) is replaced by the fresh one (its notes, tags and
 *    suggested questions kept).
 * 4. An entry whose source changed and that an editor approved, rejected or edited keeps the
 *    editor's status and the texts the editor rewrote (`editedFields`; all of them for an entry
 *    an older kb marked `edited` as a whole), takes the fresh text of the other fields (similar
 *    questions: the fresh ones and those the editor added, `addedSimilar`), and is marked
 *    `stale: source-changed` for re-review (kb review shows it; approving clears it).
 * 5. An entry that this run did not produce although its source file was read (the section is
 *    gone or renamed), or whose source file no longer exists: if nobody touched it and it has no
 *    notes or suggested questions, it is removed and reported; otherwise it is kept and marked
 *    `stale: source-missing`.
 * 6. Everything else is kept untouched: manual entries, entries of files that failed to read this
 *    run, entries of files that were not part of this run but still exist.
 *
 * Before rule 5, a moved source: an entry whose file no longer exists, and whose section
 * reappears with the same text (same `sourceHash`) under another path as a new id, is carried
 * over to it — its status, edits, notes and tags kept, with the new id and source — instead of
 * being orphaned beside a fresh duplicate. (Ids follow the path, docs/store.md, so the entry
 * takes the new one: keeping the old id would orphan it again on the next run.) An entry whose id
 * is kept (a FAQ row's own `id`) and whose row moved to another file takes the new path.
 *
 * First of all, FAQ rows that changed places: a table without an id column gives each row an id
 * made of its question and how many rows above asked the same (src/ingest/ingest.ts), so when a
 * question is asked by two rows (the same question in two categories, or a duplicate added above
 * the first), re-ordering the table or adding a row above hands the first row's id to another
 * row. Such entries are paired one to one with the rows as they are now — by unchanged text, then by
 * category and question, then by id (findReshuffles) — so the editor's decision and edits stay with
 * the row they were made on; a deleted row's entry holding editor work whose id another row took is
 * kept under `<id>-gone` (rule 5). A table's own ids renumbered over ids it had (1↔2) are followed
 * by the row's unchanged text (findRenumbered).
 *
 * Also before rule 5, a renamed section: an entry holding an editor's work whose section vanished
 * from a file this run read, and a new entry of that file that is the same text under a new name
 * or a small edit of the text under the same name (findRenames: answer and name judged apart,
 * one-to-one), go together: the editor's work goes over to the new id by rule 4 (marked for
 * re-review), instead of an orphan beside a fresh duplicate.
 */
import { faqRowHash } from '../generate/faq-hash.js';
import { stripNumbering } from '../generate/text.js';
import { followedSimilar, isEdited, isFieldEdited, teamSimilar, withGeneratedSimilar, type Entry } from './entry.js';
import { canonicalEntry } from './store.js';

export interface MergeScope {
  /** Source paths this run read successfully (their sections are all in `fresh`). */
  read: ReadonlySet<string>;
  /** Source paths that no longer exist on disk. */
  missing: ReadonlySet<string>;
  /**
   * Hashes an older kb gave fresh entries (id → hash): a store entry with one is unchanged, and
   * takes the fresh entry's hash (extracted pairs were hashed with their whole section).
   */
  formerHashes?: ReadonlyMap<string, string>;
  /**
   * Ids whose fresh entry another generator wrote for this run although the source did not change
   * (`kb generate --generator llm` over entries the rules wrote, or `--all`): a store entry with
   * one that nobody touched is replaced by the fresh one as in rule 3; a touched one stays as it is.
   */
  replace?: ReadonlySet<string>;
}

export interface MergeReport {
  added: string[];
  /** Untouched entries whose source changed: replaced by the fresh version. */
  updated: string[];
  unchanged: number;
  /** Reviewed or edited entries whose source changed: kept, marked for re-review. */
  sourceChanged: string[];
  /** Reviewed or edited entries (or ones with notes or suggested questions) whose section or file vanished: kept, marked for re-review. */
  sourceMissing: string[];
  /** Of `sourceMissing`, the FAQ table rows (origin faq): deleted from their table or switched off there (停用). */
  missingRows: string[];
  /** Untouched entries (no notes or suggested questions either) whose section or file vanished: removed. */
  removed: string[];
  /** Of `removed`, the FAQ table rows (origin faq): gone from their table, deleted or switched off in a status column (停用). */
  removedRows: string[];
  /** Source files whose entries are all gone from the sources (kept or removed as above). */
  vanishedFiles: string[];
  /** Entries left alone because their file was not part of this run (or failed to read). */
  outOfScope: number;
  /** Entries carried over from a vanished file to the file their sections now are in, by pair of paths. */
  moved: MovedSource[];
  /**
   * Entries an editor worked on whose section was renamed, moved to another file or slightly edited
   * (it vanished and a new section of the same file has mostly the same text, or one of another
   * file the same text under the same name): carried over to the new section's entry (its id),
   * marked for re-review. `similarity`: of the two texts (or names), 0–1.
   */
  renamed: { from: string; to: string; similarity: number }[];
  /**
   * Entries marked `stale: source-changed` whose source went back to the text the editor reviewed
   * (`reviewedHash`: a policy change reverted): the mark is cleared, the editor's status and texts
   * kept. Their ids (the new one for a section renamed back, also listed in `renamed`).
   */
  restored: string[];
  /**
   * FAQ rows without an id column that changed places with another row asking the same question
   * (re-ordered, or a duplicate added above): their entries took the ids the rows have now, as they
   * were (`from` → `to`).
   */
  reordered: { from: string; to: string }[];
  /**
   * FAQ rows that took another id with their text unchanged — an id column (知识ID) added to the
   * table, dropped from it, or its ids renumbered: their entries took the new ids, as they were.
   */
  rekeyed: { from: string; to: string }[];
  /**
   * Entries an editor worked on whose FAQ row changed its category only (分类 renamed, or the row put
   * under another): they take the new category (heading path and tags), not marked for re-review.
   */
  recategorized: string[];
  /**
   * Of `sourceChanged`, FAQ rows of a table's own id column whose id now asks another question with
   * another answer (ids renumbered with the texts changed too, or a row replaced under its id): the
   * editor's status and rewritten texts stay on the id, marked for re-review — they may belong to
   * another row now, and an editor must look.
   */
  retold: string[];
  /**
   * Rejected FAQ rows (a table without an id column) whose row vanished and whose id another row asking
   * the same question took: kept rejected under `<id>-gone` (`from` → `to`, in `path`). Before
   * 2026-11-27 kb generate counted them as unchanged and the editor never heard of the new id.
   */
  goneRejected: { from: string; to: string; path: string }[];
}

export interface MovedSource {
  from: string;
  to: string;
  /** The entries' ids before and after (the same for a FAQ row with its own id). */
  entries: { from: string; to: string }[];
}

/**
 * `s-<section id>` and `s-<section id>-<n>` (the n-th Q&A extracted from a section): the part
 * after the section id, which stays when the path (and so the section id) changes.
 */
function idSuffix(id: string): string {
  return /^s-[0-9a-f]{16}(-\d+)?$/u.exec(id)?.[1] ?? '';
}

/** Entries grouped by a key, in their order (entries whose key is undefined left out). */
function groupBy(entries: Iterable<Entry>, key: (e: Entry) => string | undefined): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = key(e);
    if (k === undefined) continue;
    const group = out.get(k);
    if (group === undefined) out.set(k, [e]);
    else group.push(e);
  }
  return out;
}

/**
 * old's row hash computed again over next's text — the team's similar questions only, not kb's, and no
 * id for an id kb made (a table without an id column hashes its rows without one): equal to
 * old.sourceHash when next is old's row with the same text.
 */
function rowHashOver(old: Entry, next: Entry, tags: readonly string[] = next.tags ?? []): string {
  return faqRowHash({ id: derivedFaqId(old.id, old.source?.path) ? undefined : old.id, question: next.question, similar: teamSimilar(next), answer: next.answer, tags: [...tags] });
}

/**
 * Pair the entries of vanished files with new entries of the same text elsewhere: same
 * `sourceHash`, origin and place in their section. Only pairs that are unambiguous (one entry on
 * each side) are made; the rest stay vanished and added.
 */
function findMoves(store: readonly Entry[], fresh: readonly Entry[], freshById: ReadonlyMap<string, Entry>, scope: MergeScope): Map<string, Entry> {
  const storeIds = new Set(store.map((e) => e.id));
  const key = (e: Entry): string => `${e.sourceHash ?? ''}\u0000${e.origin}\u0000${idSuffix(e.id)}`;
  const group = (entries: Iterable<Entry>): Map<string, Entry[]> => groupBy(entries, key);
  const gone = group(store.filter((e) => e.sourceHash !== undefined && e.origin !== 'manual' && e.source !== undefined && scope.missing.has(e.source.path) && !freshById.has(e.id)));
  if (gone.size === 0) return new Map();
  const arrived = group(fresh.filter((e) => e.sourceHash !== undefined && e.source !== undefined && !storeIds.has(e.id)));
  const moves = new Map<string, Entry>();
  for (const [k, olds] of gone) {
    const news = arrived.get(k);
    const [old] = olds;
    const [next] = news ?? [];
    if (olds.length === 1 && news?.length === 1 && old !== undefined && next !== undefined && next.source?.path !== old.source?.path) moves.set(old.id, next);
  }
  return moves;
}

/**
 * Whether an id is one kb made for a FAQ row from its question and occurrence (a table without an
 * id column, src/generate/index.ts): `faq-<file name without extension>-<8 hex>`. The file name is
 * part of the test, so that a team's own id of that shape (`faq-refund-20261127`) is not taken for one.
 */
function derivedFaqId(id: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  const stem = (path.split(/[\\/]/u).at(-1) ?? '').replace(/\.[^.]+$/u, '');
  const prefix = `faq-${stem}-`;
  return id.length === prefix.length + 8 && id.startsWith(prefix) && /^[0-9a-f]{8}$/u.test(id.slice(prefix.length));
}

/**
 * FAQ rows without an id column that changed places: such a row's id is made of its question and
 * how many rows above asked the same, so re-ordering the table, adding a row above or deleting one
 * hands a row's id to another row asking the same question (in another category, or a duplicate).
 * The store's entries of such ids in a file this run read are paired one to one with the rows as
 * they are now: first the row whose id kept its text; then the row of the same text (same
 * `sourceHash`: question, similar questions, answer, category), when that text is unique in the file
 * on both sides; then the row of the same category and question, when only one asks it on each side
 * (its text changed too: judged by rules 3 and 4 under its new id); then, for an entry still
 * unpaired, the row that has its id now, when no other entry took it.
 *
 * `moves`: old id → the id its row has now. `released`: ids of entries whose row is gone and whose
 * id another entry took, nobody having worked on them (removed, as by rule 5). `evicted`: the same,
 * but holding an editor's work: old id → an id no row can have (`<id>-gone`), under which the entry
 * is kept source-missing (rule 5), so that the editor's decision or answer never lands on the row
 * that took its id. Before 2026-11-27 the id went to whichever row had it, and a deleted row's
 * rejection or rewritten answer passed to the live row asking the same question in another category.
 */
function findReshuffles(store: readonly Entry[], fresh: readonly Entry[], freshById: ReadonlyMap<string, Entry>, scope: MergeScope): { moves: Map<string, string>; released: Set<string>; evicted: Map<string, string> } {
  const derived = (e: Entry): boolean => e.origin === 'faq' && e.sourceHash !== undefined && e.source !== undefined && derivedFaqId(e.id, e.source.path);
  const none = { moves: new Map<string, string>(), released: new Set<string>(), evicted: new Map<string, string>() };
  const olds = store.filter((e) => derived(e) && scope.read.has(e.source?.path ?? ''));
  if (olds.length === 0) return none;
  const news = fresh.filter(derived);
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  const pair = (old: Entry, to: string): void => {
    pairs.set(old.id, to);
    taken.add(to);
  };
  // the row that kept its id and its text
  for (const old of olds) if (freshById.get(old.id)?.sourceHash === old.sourceHash) pair(old, old.id);
  // one to one on a key (entries without one, undefined, are left as they are)
  const byKey = (key: (e: Entry) => string | undefined): void => {
    const group = (entries: Iterable<Entry>): Map<string, Entry[]> => groupBy(entries, key);
    const oldGroups = group(olds.filter((e) => !pairs.has(e.id)));
    const newGroups = group(news.filter((e) => !taken.has(e.id)));
    for (const [k, [old, ...moreOld]] of oldGroups) {
      const [next, ...moreNew] = newGroups.get(k) ?? [];
      if (old !== undefined && next !== undefined && moreOld.length === 0 && moreNew.length === 0) pair(old, next.id);
    }
  };
  const path = (e: Entry): string => e.source?.path ?? '';
  const text = (e: Entry): string => `${path(e)}\u0000${e.sourceHash ?? ''}`;
  const tally = (entries: readonly Entry[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const e of entries) out.set(text(e), (out.get(text(e)) ?? 0) + 1);
    return out;
  };
  const oldTexts = tally(olds);
  const newTexts = tally(news);
  // the same text, unique in its file on both sides (counted over all the file's rows, paired or not)
  byKey((e) => (oldTexts.get(text(e)) === 1 && newTexts.get(text(e)) === 1 ? text(e) : undefined));
  // the same category and question
  byKey((e) => `${path(e)}\u0000${(e.source?.headingPath ?? []).join('\u0001')}`);
  // the id alone, when free
  for (const old of olds) if (!pairs.has(old.id) && freshById.has(old.id) && !taken.has(old.id)) pair(old, old.id);
  const out = { ...none };
  for (const [from, to] of pairs) if (from !== to) out.moves.set(from, to);
  if (out.moves.size === 0) return none;
  const ids = new Set([...store.map((e) => e.id), ...fresh.map((e) => e.id)]);
  for (const old of olds) {
    if (pairs.has(old.id) || !taken.has(old.id)) continue;
    if (!holdsEditorWork(old)) {
      out.released.add(old.id);
      continue;
    }
    let id = `${old.id}-gone`;
    for (let n = 2; ids.has(id); n++) id = `${old.id}-gone-${n}`;
    ids.add(id);
    out.evicted.set(old.id, id);
  }
  return out;
}

/**
 * FAQ rows of a table's own id column renumbered over ids the table had (1↔2 swapped; 1, 2, 3 →
 * 2, 3, 4): old id → the new id, when the row now under the new id has the old row's text exactly
 * (its `sourceHash` computed again with the old id over it), one on each side, and the new id is
 * free or its entry is moving too (a permutation), so that no two entries ever take one id. Before
 * 2026-11-27 each entry stayed on its id, and an editor's answer landed on another question
 * (marked for re-review, but kept in the index under the wrong question until then). A row whose
 * text changed as well is not recognised: its entry stays on its id, and kb generate names it when
 * the id now asks another question with another answer (`retold`).
 */
function findRenumbered(store: readonly Entry[], fresh: readonly Entry[], freshById: ReadonlyMap<string, Entry>, scope: MergeScope): Map<string, Entry> {
  const team = (e: Entry): boolean => e.origin === 'faq' && e.sourceHash !== undefined && e.source !== undefined && !derivedFaqId(e.id, e.source.path);
  const olds = store.filter((e) => team(e) && scope.read.has(e.source?.path ?? '') && freshById.get(e.id)?.sourceHash !== e.sourceHash);
  if (olds.length === 0) return new Map();
  const byPath = groupBy(fresh.filter(team), (e) => e.source?.path ?? '');
  const pairs = olds.flatMap((old) =>
    (byPath.get(old.source?.path ?? '') ?? [])
      .filter((next) => next.id !== old.id && old.sourceHash === rowHashOver(old, next))
      .map((next) => ({ old, next, similarity: 1 })),
  );
  const candidates = new Map(oneToOne(pairs).map((p) => [p.old.id, p.next] as const));
  const storeIds = new Set(store.map((e) => e.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, next] of candidates) {
      if (storeIds.has(next.id) && !candidates.has(next.id)) {
        candidates.delete(from);
        changed = true;
      }
    }
  }
  return candidates;
}

/**
 * FAQ rows whose id changed: an entry of a table this run read whose id is gone, and a new entry of
 * the same table under the same category and question (heading path), one on each side. `same`:
 * the row's text is as it was (its `sourceHash` computed again with the old id over the new row's
 * text) — only the id changed, as when a vendor's export gains an id column (知识ID) or renumbers it.
 * Otherwise the row changed as well, and it goes as a renamed section does (rule 4 for an entry an
 * editor worked on). Before 2026-11-27 an id column added to a 300-row export removed every row's
 * entry and added it again, and the editors' work on rows with look-alike answers (the same template
 * for each product) was left `source-missing`, out of the index.
 */
function findRekeyed(store: readonly Entry[], fresh: readonly Entry[], freshById: ReadonlyMap<string, Entry>, scope: MergeScope): Map<string, { next: Entry; same: boolean }> {
  const key = (e: Entry): string => `${e.source?.path ?? ''}\u0000${(e.source?.headingPath ?? []).join('\u0001')}`;
  const gone = store.filter((e) => e.origin === 'faq' && e.sourceHash !== undefined && e.source !== undefined && scope.read.has(e.source.path) && !freshById.has(e.id));
  if (gone.length === 0) return new Map();
  const storeIds = new Set(store.map((e) => e.id));
  const group = (entries: Iterable<Entry>): Map<string, Entry[]> => groupBy(entries, key);
  const arrived = group(fresh.filter((e) => e.origin === 'faq' && e.source !== undefined && !storeIds.has(e.id)));
  const out = new Map<string, { next: Entry; same: boolean }>();
  const same = (old: Entry, next: Entry): boolean => old.sourceHash === rowHashOver(old, next);
  for (const [k, olds] of group(gone)) {
    const news = arrived.get(k) ?? [];
    const [old] = olds;
    const [next] = news;
    if (olds.length === 1 && news.length === 1 && old !== undefined && next !== undefined) {
      // a changed text goes over only when kb made one of the two ids (an id column added or
      // dropped); two ids of the team's own are two rows: K1 deleted and K9 added with a new answer
      // to the same question is no rename of K1, and K1's rejection must not pass to K9 (as it did
      // on 2026-11-27, taking K9 out of the index)
      const isSame = same(old, next);
      if (isSame || derivedFaqId(old.id, old.source?.path) !== derivedFaqId(next.id, next.source?.path)) out.set(old.id, { next, same: isSame });
      continue;
    }
    // rows asking the same question under the same category (a duplicate): only those whose text is
    // unchanged, one to one
    const pairs = olds.flatMap((o) => news.filter((n) => same(o, n)).map((n) => ({ old: o, next: n, similarity: 1 })));
    for (const p of oneToOne(pairs)) out.set(p.old.id, { next: p.next, same: true });
  }
  return out;
}

/**
 * Whether a FAQ row changed its category only (分类 renamed, or the row put under another): the
 * entry's `sourceHash` computed again with its own category levels (its tags, as the row gave them)
 * over the new row's question, similar questions and answer. Tags an editor changed make it false
 * (the entry then goes by rule 4, as before).
 */
function categoryOnly(old: Entry, next: Entry): boolean {
  if (old.origin !== 'faq' || next.origin !== 'faq' || old.sourceHash === undefined) return false;
  const hashWith = (tags: readonly string[]): string => rowHashOver(old, next, tags);
  // the category as the row's heading path has it too: the tags of an entry carried over by rule 4
  // before 2026-11-27 stayed the old ones while its source took the new row's
  return old.sourceHash === hashWith(old.tags ?? []) || old.sourceHash === hashWith(rowCategory(old));
}

/** A FAQ row's category levels, as its heading path has them (the question is last). */
const rowCategory = (e: Entry): string[] => e.source?.headingPath.slice(0, -1) ?? [];

/**
 * Whether a FAQ entry's tags are the ones its row gave (its category levels) — not tags an editor
 * set: those follow the row when it changes.
 */
const rowTags = (e: Entry): boolean => e.origin === 'faq' && JSON.stringify(e.tags ?? []) === JSON.stringify(rowCategory(e));

/**
 * Whether a FAQ row of a table's own id now asks another question with another answer: the row's
 * questions (the last of their heading paths, as the table has them) and, unless the editor rewrote
 * it, the answers alike by less than HEADING_SIMILARITY.
 */
function retold(old: Entry, next: Entry): boolean {
  if (old.origin !== 'faq' || next.origin !== 'faq' || derivedFaqId(old.id, old.source?.path)) return false;
  const question = nameSimilarity(old.source?.headingPath.at(-1) ?? old.question, next.source?.headingPath.at(-1) ?? next.question);
  return question < HEADING_SIMILARITY && (isFieldEdited(old, 'answer') || dice(bigrams(old.answer), bigrams(next.answer)) < HEADING_SIMILARITY);
}

/** The character bigrams of a text (spaces ignored), counted, and how many there are. */
interface Bigrams {
  counts: Map<string, number>;
  size: number;
}

function bigrams(text: string): Bigrams {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, size: Math.max(0, chars.length - 1) };
}

/** Dice coefficient of two texts' bigrams: 1 for the same text, 0 for none shared. */
function dice(x: Bigrams, y: Bigrams): number {
  if (x.size + y.size === 0) return 1;
  return (2 * sharedBigrams(x, y)) / (x.size + y.size);
}

/** How many bigrams (counted) two texts share. */
function sharedBigrams(x: Bigrams, y: Bigrams): number {
  let shared = 0;
  for (const [g, n] of y.counts) shared += Math.min(n, x.counts.get(g) ?? 0);
  return shared;
}

/** How alike two answers must be (the Dice coefficient of their character bigrams) for a vanished section's entry to be carried over to a new one. */
export const RENAME_SIMILARITY = 0.8;

/**
 * How alike two sections' names (their last headings, numbering aside) must be for one to be the
 * other renamed: 七天无理由退货 → 三十天无理由退货 is 0.77; 发票问题 → 保价问题, two topics that may
 * well share a reply template, is 0.33.
 */
export const HEADING_SIMILARITY = 0.5;

/** A section's name: its last heading without its numbering (`一、七天无理由退货` → `七天无理由退货`; `第三条` → ``). */
const sectionName = (e: Entry): string => stripNumbering(e.source?.headingPath.at(-1) ?? '');

/** The headings above the section. */
const parentPath = (e: Entry): string => JSON.stringify(e.source?.headingPath.slice(0, -1) ?? []);

/** How alike two names are: 1 for the same, else the Dice coefficient of their bigrams (0 for two different one-character names). */
function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  return x.size + y.size === 0 ? 0 : dice(x, y);
}

/** Whether two entries have the same (non-empty) answer, spaces aside. */
const sameAnswer = (a: Entry, b: Entry): boolean => a.answer.trim() !== '' && a.answer.replace(/\s+/gu, '') === b.answer.replace(/\s+/gu, '');

/** The share of the shorter name's bigrams that the longer one has too (the overlap coefficient; 1 for the same names). */
function nameOverlap(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  return sharedBigrams(x, y) / Math.min(x.size, y.size);
}

/**
 * Whether `next` (a new entry of the same file, origin and place among the Q&A of its section) is
 * `old`'s section renamed, and how alike they are; undefined when it is not. A rename is the same
 * text under a new name, or a small edit of the text under the same name, so text and name are
 * judged apart (judged as one text, a shared boilerplate answer made 发票问题 → 保价问题 a rename):
 *
 * - the answers (the source's text) at least RENAME_SIMILARITY alike, and the names at least
 *   HEADING_SIMILARITY alike — or, for headings that are numbers only (`第三条` → `第四条`, an
 *   article renumbered), the headings above them the same; or the answers the same word for word,
 *   the headings above the same, and the shorter name's bigrams at least HEADING_SIMILARITY in the
 *   longer one (a heading made longer: 过敏处理 → 过敏与不良反应处理);
 * - an answer the editor rewrote is not what the source said (the store keeps no copy of that, and
 *   `sourceHash` covers the heading path, which changed): then the name must carry it — the
 *   headings above the same, the names alike, and the question, unless the editor rewrote it too,
 *   at least HEADING_SIMILARITY alike (kb wrote both from their sections). The similarity is
 *   then the names'.
 */
function renameSimilarity(old: Entry, next: Entry, answers = { old: bigrams(old.answer), next: bigrams(next.answer) }): number | undefined {
  const was = sectionName(old);
  const now = sectionName(next);
  const sameParent = parentPath(old) === parentPath(next);
  const names = was === '' || now === '' ? 0 : nameSimilarity(was, now);
  if (isFieldEdited(old, 'answer')) {
    if (!sameParent || names < HEADING_SIMILARITY) return undefined;
    if (!isFieldEdited(old, 'question') && nameSimilarity(old.question, next.question) < HEADING_SIMILARITY) return undefined;
    return names;
  }
  const renumbered = was === '' && now === '' && sameParent;
  // the same text word for word under a name that grew or shrank (过敏处理 → 过敏与不良反应处理: Dice
  // 0.36): the shorter name's bigrams mostly in the longer one's is enough (发票问题 → 保价问题: 0.33)
  const sameText = sameParent && sameAnswer(old, next);
  const grown = sameText && was !== '' && now !== '' && nameOverlap(was, now) >= HEADING_SIMILARITY;
  if (names < HEADING_SIMILARITY && !renumbered && !grown) return undefined;
  // answers of too different lengths cannot be alike enough: skip counting their bigrams
  if (2 * Math.min(answers.old.size, answers.next.size) < RENAME_SIMILARITY * (answers.old.size + answers.next.size)) return undefined;
  const text = dice(answers.old, answers.next);
  return text >= RENAME_SIMILARITY ? text : undefined;
}

/**
 * Whether `next`, a new entry in another file, is `old`'s section moved there (cut from one file,
 * pasted into another, or a file split in two): the same answer word for word (not one the editor
 * rewrote: the source's text is not known then) under the same name, numbering aside (the title
 * above it is the other file's: `五、退款时效` → `一、退款时效`). A section moved and renamed at once
 * is not recognised. Its similarity is 1; undefined when it is not.
 */
function moveSimilarity(old: Entry, next: Entry): number | undefined {
  if (isFieldEdited(old, 'answer') || !sameAnswer(old, next)) return undefined;
  const was = sectionName(old);
  const now = sectionName(next);
  // headings that are numbers only (第三条) say nothing across files
  if (was === '' || now === '') return undefined;
  return was === now ? 1 : undefined;
}

type Pair = { old: Entry; next: Entry; similarity: number };

/** Of the candidate pairs, those where the old entry and the new one each have no other. */
function oneToOne(pairs: readonly Pair[]): Pair[] {
  const count = (key: (p: Pair) => string): Map<string, number> => {
    const out = new Map<string, number>();
    for (const p of pairs) out.set(key(p), (out.get(key(p)) ?? 0) + 1);
    return out;
  };
  const perOld = count((p) => p.old.id);
  const perNew = count((p) => p.next.id);
  return pairs.filter((p) => perOld.get(p.old.id) === 1 && perNew.get(p.next.id) === 1);
}

/**
 * Pair entries an editor worked on (holdsEditorWork) whose section vanished from a file this run
 * read with new entries of the same file, origin and place among the Q&A of their section that are
 * their section renamed (renameSimilarity). The ones left — and those of a vanished file — are
 * then paired with new entries of the same origin and place in another file that are their section
 * moved there (moveSimilarity: a section cut and pasted into another file, a file split in two).
 * Only one-to-one pairs are made (an entry that could be two new ones, or a new one that could be
 * two old ones, is left as it was: kept source-missing beside the new entry).
 */
function findRenames(store: readonly Entry[], fresh: readonly Entry[], freshById: ReadonlyMap<string, Entry>, scope: MergeScope, moved: ReadonlyMap<string, Entry>): Map<string, { next: Entry; similarity: number }> {
  const storeIds = new Set(store.map((e) => e.id));
  const takenByMove = new Set([...moved.values()].map((e) => e.id));
  const gone = store.filter((e) => e.origin !== 'manual' && e.source !== undefined && (scope.read.has(e.source.path) || scope.missing.has(e.source.path)) && !freshById.has(e.id) && !moved.has(e.id) && holdsEditorWork(e));
  if (gone.length === 0) return new Map();
  const newcomers = fresh.filter((e) => e.source !== undefined && !storeIds.has(e.id) && !takenByMove.has(e.id));
  const place = (e: Entry): string => `${e.origin}\u0000${idSuffix(e.id)}`;
  // candidates: same file, origin and place among the Q&A of their section
  const key = (e: Entry): string => `${e.source?.path ?? ''}\u0000${place(e)}`;
  const arrived = new Map<string, { next: Entry; grams: Bigrams }[]>();
  for (const e of newcomers) arrived.set(key(e), [...(arrived.get(key(e)) ?? []), { next: e, grams: bigrams(e.answer) }]);
  const pairs: Pair[] = [];
  for (const old of gone) {
    if (!scope.read.has(old.source?.path ?? '')) continue;
    const grams = bigrams(old.answer);
    for (const { next, grams: nextGrams } of arrived.get(key(old)) ?? []) {
      const similarity = renameSimilarity(old, next, { old: grams, next: nextGrams });
      if (similarity !== undefined) pairs.push({ old, next, similarity });
    }
  }
  const renames = new Map<string, { next: Entry; similarity: number }>();
  for (const p of oneToOne(pairs)) renames.set(p.old.id, { next: p.next, similarity: p.similarity });
  // the rest: moved to another file
  const paired = new Set([...renames.values()].map((r) => r.next.id));
  const elsewhere = new Map<string, Entry[]>();
  for (const e of newcomers) if (!paired.has(e.id)) elsewhere.set(place(e), [...(elsewhere.get(place(e)) ?? []), e]);
  const movePairs: Pair[] = [];
  for (const old of gone) {
    if (renames.has(old.id)) continue;
    for (const next of elsewhere.get(place(old)) ?? []) {
      if (next.source?.path === old.source?.path) continue;
      const similarity = moveSimilarity(old, next);
      if (similarity !== undefined) movePairs.push({ old, next, similarity });
    }
  }
  for (const p of oneToOne(movePairs)) renames.set(p.old.id, { next: p.next, similarity: p.similarity });
  return renames;
}

/**
 * Where an entry went when a store was regenerated (kb review asks, for an entry an editor has open
 * that vanished from the store on disk): of `arrived` (entries the store did not have before), the
 * one its source moved to (same text, origin and place among its section's Q&A — a file renamed),
 * the one of the same file and heading path (its place in the section changed), or its section
 * renamed (renameSimilarity) — when exactly one fits.
 */
export function successorIn(old: Entry, arrived: readonly Entry[]): Entry | undefined {
  const place = (e: Entry): string => `${e.origin}\u0000${idSuffix(e.id)}`;
  const samePath = (e: Entry): boolean => e.source !== undefined && e.source.path === old.source?.path;
  const fits = [
    (e: Entry): boolean => old.sourceHash !== undefined && e.sourceHash === old.sourceHash && place(e) === place(old),
    (e: Entry): boolean => samePath(e) && e.origin === old.origin && JSON.stringify(e.source?.headingPath) === JSON.stringify(old.source?.headingPath),
    (e: Entry): boolean => samePath(e) && place(e) === place(old) && renameSimilarity(old, e) !== undefined,
  ];
  for (const fit of fits) {
    const found = arrived.filter(fit);
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/**
 * A similar-question list with the section's place line (`title / chapter / heading`, which kb
 * generate adds to a generated entry) of `old`'s heading path replaced by `next`'s, when the
 * heading path changed: an editor's list keeps its questions, but the place is the source's, and
 * a renamed heading's old place would name a section that no longer exists.
 */
function movedPlace(similar: string[], old: Entry, next: Entry): string[] {
  const was = old.source?.headingPath.at(-1);
  const now = next.source?.headingPath.at(-1);
  if (old.origin !== 'generated' || was === undefined || now === undefined || was === now) return similar;
  const placeOf = (e: Entry, last: string): string | undefined => e.similar.find((q) => q.includes(' / ') && q.endsWith(` / ${last}`));
  const oldPlace = placeOf(old, was);
  const newPlace = placeOf(next, now);
  if (oldPlace === undefined || newPlace === undefined) return similar;
  return [...new Set(similar.map((q) => (q === oldPlace ? newPlace : q)))];
}

/**
 * Rule 4: an entry an editor worked on, with its source's new version `next`. The editor's status
 * and rewritten texts are kept (`editedFields`; all of them for an entry an older kb marked `edited`
 * as a whole), the other texts are the fresh ones (similar questions: the fresh generated ones and
 * the editor's added ones), and it is marked for re-review. It takes `next`'s id (the same but for
 * a renamed section), source and hash.
 */
function reReview(old: Entry, next: Entry): Entry {
  const kept: Entry = { ...old, id: next.id, stale: 'source-changed' };
  // the text the editor last saw: kept through any number of changes until the editor looks again
  const reviewed = old.stale === undefined ? old.sourceHash : old.stale === 'source-changed' ? old.reviewedHash : undefined;
  if (reviewed !== undefined && reviewed === next.sourceHash) {
    // back to what the editor reviewed (a change reverted): nothing new to look at
    delete kept.stale;
    delete kept.reviewedHash;
  } else if (reviewed !== undefined) kept.reviewedHash = reviewed;
  else delete kept.reviewedHash;
  if (!isFieldEdited(old, 'question')) {
    kept.question = next.question;
    if (next.rule !== undefined) kept.rule = next.rule;
    else delete kept.rule;
  }
  kept.similar = movedPlace(followedSimilar(old, next.similar), old, next);
  if (!isFieldEdited(old, 'answer')) kept.answer = next.answer;
  // a FAQ row's similar questions kb wrote: the fresh ones, but for those an editor accepted
  // (addedSimilar); of a list the editor rewrote, the ones kb wrote that are still in it
  const accepted = new Set(old.addedSimilar ?? []);
  const generated = isFieldEdited(old, 'similar') ? (old.generatedSimilar ?? []) : (next.generatedSimilar ?? []).filter((q) => !accepted.has(q));
  const origins = withGeneratedSimilar(kept, generated);
  if (origins.generatedSimilar !== undefined) kept.generatedSimilar = origins.generatedSimilar;
  else delete kept.generatedSimilar;
  // a FAQ row's category tags follow the row (分类 changed along with its answer), unless an editor set them
  if (rowTags(old) && next.origin === 'faq') {
    if (next.tags !== undefined) kept.tags = next.tags;
    else delete kept.tags;
  }
  if (next.source !== undefined) kept.source = next.source;
  if (next.sourceHash !== undefined) kept.sourceHash = next.sourceHash;
  else delete kept.sourceHash;
  return kept;
}

function addMove(report: MergeReport, from: Entry, to: Entry): void {
  const fromPath = from.source?.path ?? '';
  const toPath = to.source?.path ?? '';
  let group = report.moved.find((m) => m.from === fromPath && m.to === toPath);
  if (group === undefined) {
    group = { from: fromPath, to: toPath, entries: [] };
    report.moved.push(group);
  }
  group.entries.push({ from: from.id, to: to.id });
}

/** The entry carried over to where its (unchanged) source text now is. */
function movedEntry(old: Entry, next: Entry): Entry {
  const out: Entry = { ...old, id: next.id };
  if (next.source !== undefined) out.source = next.source;
  // its source is found again
  if (out.stale === 'source-missing') delete out.stale;
  return out;
}

/**
 * Did an editor act on the entry? A FAQ row arrives approved from the team's own table: approved
 * and unedited, it is as the table made it, and a changed row simply replaces it (the team's
 * sheet is its review); rejected or edited, it is the editor's.
 */
export const touchedByEditor = (e: Entry): boolean => e.status !== (e.origin === 'faq' ? 'approved' : 'pending') || isEdited(e);

/** The same entry as the store would write it (key order and empty fields aside). */
const sameEntry = (a: Entry, b: Entry): boolean => JSON.stringify(canonicalEntry(a)) === JSON.stringify(canonicalEntry(b));

/**
 * Whether the entry holds anything an editor would lose if it were removed: a decision or an edit
 * (touchedByEditor), or a note or a suggested question on an entry nobody reviewed yet. Rule 5
 * keeps such an entry (marked source-missing) rather than remove it with the section it came from;
 * rules 2 and 3 need not ask, as they carry notes and suggested questions over to the fresh entry.
 */
const holdsEditorWork = (e: Entry): boolean => touchedByEditor(e) || (e.notes ?? '').trim() !== '' || (e.suggested ?? []).length > 0;

function withEditorExtras(fresh: Entry, old: Entry): Entry {
  const out: Entry = { ...fresh };
  if (old.notes !== undefined) out.notes = old.notes;
  if (old.tags !== undefined && fresh.tags === undefined) out.tags = old.tags;
  if (old.suggested !== undefined) out.suggested = old.suggested;
  return out;
}

/** Merge freshly generated entries into the store's entries. Returns the new store and what happened. */
export function mergeEntries(given: readonly Entry[], fresh: readonly Entry[], scope: MergeScope): { entries: Entry[]; report: MergeReport } {
  const report: MergeReport = { added: [], updated: [], unchanged: 0, sourceChanged: [], sourceMissing: [], missingRows: [], removed: [], removedRows: [], vanishedFiles: [], outOfScope: 0, moved: [], renamed: [], restored: [], reordered: [], rekeyed: [], recategorized: [], retold: [], goneRejected: [] };
  const freshById = new Map(fresh.map((e) => [e.id, e]));
  const reshuffled = findReshuffles(given, fresh, freshById, scope);
  for (const [from, to] of reshuffled.moves) report.reordered.push({ from, to });
  report.reordered.sort((a, b) => (a.from < b.from ? -1 : 1));
  for (const id of reshuffled.released) {
    report.removed.push(id);
    report.removedRows.push(id);
  }
  const renumbered = findRenumbered(given, fresh, freshById, scope);
  for (const [from, next] of renumbered) report.rekeyed.push({ from, to: next.id });
  const store = reshuffled.moves.size === 0 && renumbered.size === 0 ? given : given.flatMap((e) => {
    if (reshuffled.released.has(e.id)) return [];
    const next = renumbered.get(e.id);
    // the same text under the new id: the row's hash is the new id's
    if (next !== undefined) return [{ ...e, id: next.id, sourceHash: next.sourceHash ?? '' }];
    const to = reshuffled.moves.get(e.id) ?? reshuffled.evicted.get(e.id);
    return [to === undefined ? e : { ...e, id: to }];
  });
  const evictedFrom = new Map([...reshuffled.evicted].map(([from, to]) => [to, from] as const));
  const carried = new Set([...reshuffled.moves.values(), ...[...renumbered.values()].map((e) => e.id)]);
  const moves = findMoves(store, fresh, freshById, scope);
  const rekeyed = findRekeyed(store, fresh, freshById, scope);
  for (const id of moves.keys()) rekeyed.delete(id);
  const renames = findRenames(store, fresh, freshById, scope, new Map([...moves, ...[...rekeyed].map(([id, r]) => [id, r.next] as const)]));
  const out: Entry[] = [];
  const seen = new Set<string>();
  const movedAway = new Set<string>();
  for (let old of store) {
    seen.add(old.id);
    const moveTo = moves.get(old.id);
    if (moveTo !== undefined) {
      seen.add(moveTo.id);
      movedAway.add(old.id);
      addMove(report, old, moveTo);
      out.push(movedEntry(old, moveTo));
      continue;
    }
    const rekey = rekeyed.get(old.id);
    if (rekey?.same === true) {
      seen.add(rekey.next.id);
      report.rekeyed.push({ from: old.id, to: rekey.next.id });
      const carried: Entry = { ...old, id: rekey.next.id, sourceHash: rekey.next.sourceHash ?? '' };
      if (rekey.next.source !== undefined) carried.source = rekey.next.source;
      if (carried.stale === 'source-missing') delete carried.stale;
      out.push(carried);
      continue;
    }
    const renamed = rekey !== undefined ? { next: rekey.next, similarity: 1 } : renames.get(old.id);
    if (renamed !== undefined) {
      seen.add(renamed.next.id);
      report.renamed.push({ from: old.id, to: renamed.next.id, similarity: Math.round(renamed.similarity * 100) / 100 });
      // a file split in two: its sections went elsewhere, it did not vanish with them
      if (scope.missing.has(old.source?.path ?? '')) movedAway.add(old.id);
      const carried = touchedByEditor(old) ? reReview(old, renamed.next) : withEditorExtras(renamed.next, old);
      if (old.stale === 'source-changed' && carried.stale === undefined) report.restored.push(carried.id);
      out.push(carried);
      continue;
    }
    const next = freshById.get(old.id);
    if (next !== undefined) {
      const former = old.sourceHash !== undefined && old.sourceHash !== next.sourceHash && scope.formerHashes?.get(next.id) === old.sourceHash;
      if (former) old = next.sourceHash === undefined ? old : { ...old, sourceHash: next.sourceHash };
      if (old.sourceHash !== undefined && old.sourceHash === next.sourceHash) {
        const path = old.source?.path;
        if (next.source !== undefined && path !== undefined && next.source.path !== path && old.origin !== 'manual') {
          // the same row (its own id, same text) now in another file
          if (scope.missing.has(path)) movedAway.add(old.id);
          addMove(report, old, next);
          out.push(movedEntry(old, next));
        } else {
          // another generator's questions (or today's rules, kb generate --all) for an entry nobody touched
          const replaced = scope.replace?.has(old.id) === true && !touchedByEditor(old) ? withEditorExtras(next, old) : undefined;
          if (replaced !== undefined && !sameEntry(replaced, old)) {
            report.updated.push(old.id);
            out.push(replaced);
            continue;
          }
          // an entry that took its row's new id is counted there (reordered, rekeyed), not as unchanged too
          if (!carried.has(old.id)) report.unchanged++;
          // a source that had vanished is back as it was
          if (old.stale === 'source-missing') {
            const back: Entry = { ...old };
            delete back.stale;
            out.push(back);
          } else out.push(old);
        }
      } else if (!touchedByEditor(old)) {
        report.updated.push(old.id);
        out.push(withEditorExtras(next, old));
      } else if (categoryOnly(old, next)) {
        // nothing the bot says changed: no second look needed (before 2026-11-27 a 分类 renamed marked
        // every entry editors had touched in it source-changed, and kb build --strict failed on them)
        report.recategorized.push(old.id);
        const moved: Entry = { ...old, sourceHash: next.sourceHash ?? old.sourceHash ?? '' };
        if (next.source !== undefined) moved.source = next.source;
        if (next.tags !== undefined) moved.tags = next.tags;
        else delete moved.tags;
        out.push(moved);
      } else {
        const kept = reReview(old, next);
        if (kept.stale === undefined) report.restored.push(kept.id);
        else {
          report.sourceChanged.push(old.id);
          if (retold(old, next)) report.retold.push(old.id);
        }
        out.push(kept);
      }
      continue;
    }
    const path = old.source?.path;
    const gone = path !== undefined && old.origin !== 'manual' && (scope.read.has(path) || scope.missing.has(path));
    if (!gone) {
      report.outOfScope++;
      out.push(old);
    } else if (!holdsEditorWork(old)) {
      report.removed.push(old.id);
      if (old.origin === 'faq') report.removedRows.push(old.id);
    }
    else if (old.status === 'rejected') {
      // rejected and its section gone: nothing left to look at (it is in no index either way), so
      // it is kept as the editor left it, not marked for another review on every run; one whose id
      // another row took is named, under its new id
      const from = evictedFrom.get(old.id);
      if (from !== undefined) report.goneRejected.push({ from, to: old.id, path });
      else report.unchanged++;
      const kept: Entry = { ...old };
      delete kept.stale;
      out.push(kept);
    } else {
      report.sourceMissing.push(old.id);
      if (old.origin === 'faq') report.missingRows.push(old.id);
      out.push({ ...old, stale: 'source-missing' });
    }
  }
  for (const e of fresh) {
    if (seen.has(e.id)) continue;
    report.added.push(e.id);
    out.push(e);
  }
  const freshPaths = new Set(fresh.flatMap((e) => (e.source !== undefined ? [e.source.path] : [])));
  report.vanishedFiles = [...new Set(store.flatMap((e) => (e.source !== undefined && e.origin !== 'manual' && !movedAway.has(e.id) && scope.missing.has(e.source.path) && !freshPaths.has(e.source.path) ? [e.source.path] : [])))].sort();
  report.moved.sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
  return { entries: out, report };
}
