/**
 * The nodejieba adapter (build time only — the runtime never loads it). jieba discovers the
 * knowledge base's vocabulary: every word it cuts from the entries (search-engine mode, HMM on
 * for new words), with jieba's dictionary frequency, plus the user's dictionary.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface NodeJieba {
  load(options?: { dict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cutForSearch(sentence: string, hmm?: boolean): string[];
  /** The second argument switches HMM on (its types call it strict). */
  cut(sentence: string, hmm?: boolean): string[];
  DEFAULT_DICT: string;
}

/** Made once: createRequire costs more than a short jieba cut, and a build cuts every text run. */
const require = createRequire(import.meta.url);
let jieba: NodeJieba | undefined;
/** What is loaded: the user dictionary, and `full` or a one-off key for a dictionary cut to some texts. */
let loaded: string | undefined;
let dictionary: Map<string, number> | undefined;

/**
 * nodejieba is an optional dependency: it builds from source (a C++ toolchain), and a bot that
 * only loads an index (`kb/runtime`) never needs it. What needs it says so in one line.
 */
export class MissingSegmenterError extends Error {
  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(
      `building an index or generating questions needs nodejieba, the Chinese word segmenter, and it is not installed or did not build (${why}); install it with \`npm install nodejieba@3.5.8 --yes\` (it builds from source: python3, make and a C++ compiler)`,
    );
    this.name = 'MissingSegmenterError';
  }
}

/** @internal nodejieba, or a MissingSegmenterError (the loader is a parameter for the tests). */
export function nodejieba(load: () => unknown = () => require('nodejieba')): NodeJieba {
  try {
    return load() as NodeJieba;
  } catch (error) {
    throw new MissingSegmenterError(error);
  }
}

/**
 * The team's user dictionary: its file, and its lines as kb read them (UTF-16, GBK … decoded), which
 * jieba is given as UTF-8, one `word [freq] [tag]` a line with single spaces: jieba reads only UTF-8
 * split at single spaces, and before 2026-11-27 a UTF-16 or GBK file's words were lost to it (its
 * "UTF-8 decode failed" lines on stderr) while the analyzer had them.
 */
export interface UserDictionary {
  path: string;
  lines?: readonly string[];
}

function userKey(user: UserDictionary | undefined): string {
  if (user === undefined) return '';
  return user.lines === undefined ? user.path : `${user.path}\u0000${createHash('sha256').update(user.lines.join('\n')).digest('hex')}`;
}

/**
 * A user dictionary's lines as jieba reads them: `word`, `word tag` or `word freq tag`, single spaces
 * (jieba's documented `word freq`, which it would read as a word and a tag, gets a tag).
 */
function jiebaUserLines(lines: readonly string[]): string[] {
  return lines
    .map((line) => line.trim().split(/\s+/u).slice(0, 3))
    .filter((fields) => fields[0] !== undefined && fields[0] !== '' && !fields[0].startsWith('#'))
    .map((fields) => (fields.length === 2 && /^\d+$/u.test(fields[1] ?? '') ? [...fields, 'x'] : fields).join(' '));
}

/**
 * Load jieba with a dictionary (its own, or one written for some texts) and the user's. jieba's
 * keyword extractor, which kb never calls, is given a one-line IDF and stopword file: its own are 6 MB
 * read on every load.
 */
function loadWith(key: string, user: UserDictionary | undefined, dictLines?: readonly string[]): NodeJieba {
  jieba ??= nodejieba();
  if (loaded === key) return jieba;
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'kb-jieba-'));
  } catch {
    // no writable temporary folder: jieba's own files, as before (slower, the same cuts)
    // (which cut any text as a dictionary for some texts cuts those)
    jieba.load(user === undefined ? undefined : { userDict: user.path });
    loaded = key;
    return jieba;
  }
  try {
    const idfDict = join(dir, 'idf.utf8');
    const stopWordDict = join(dir, 'stop.utf8');
    writeFileSync(idfDict, '的 1.0\n');
    writeFileSync(stopWordDict, '的\n');
    let dict: string | undefined;
    if (dictLines !== undefined) writeFileSync((dict = join(dir, 'dict.utf8')), dictLines.join('\n') + '\n');
    // nodejieba accepts one user dictionary; its format is jieba's `word [freq] [tag]` per line
    let userDict = user?.path;
    if (user?.lines !== undefined) writeFileSync((userDict = join(dir, 'user.utf8')), jiebaUserLines(user.lines).join('\n') + '\n');
    jieba.load({ ...(dict !== undefined && { dict }), ...(userDict !== undefined && { userDict }), idfDict, stopWordDict });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  loaded = key;
  return jieba;
}

function load(user: UserDictionary | undefined): NodeJieba {
  return loadWith(`full\u0000${userKey(user)}`, user);
}

/** Cut a text the way jieba's search mode does (long words and their sub-words), HMM on. */
export function jiebaCut(text: string, userDict?: string): string[] {
  return load(userDict === undefined ? undefined : { path: userDict }).cutForSearch(text, true);
}

/** Cut a text into jieba's dictionary words, one way (no sub-words, no HMM guesses): where its words end. */
export function jiebaWords(text: string, userDict?: string): string[] {
  return load(userDict === undefined ? undefined : { path: userDict }).cut(text, false);
}

/** jieba's own dictionary: word → frequency. */
export function jiebaDictionary(): ReadonlyMap<string, number> {
  if (dictionary !== undefined) return dictionary;
  const map = new Map<string, number>();
  const text = readFileSync(nodejieba().DEFAULT_DICT, 'utf8');
  eachDictionaryLine(text, (at, space, freq) => map.set(text.slice(at, space), freq));
  dictionary = map;
  return map;
}

/**
 * Each `word freq tag` line of jieba's dictionary text, read by position (split per line took twice
 * as long, on every build): where its word starts and ends, and its frequency; a line without one
 * is skipped.
 */
function eachDictionaryLine(text: string, visit: (at: number, space: number, freq: number) => void): void {
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      const next = text.indexOf(' ', space + 1);
      const to = next === -1 || next > end ? end : next;
      // the frequency's digits read in place (Number() for anything else)
      let freq = 0;
      let i = space + 1;
      for (; i < to; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        freq = freq * 10 + d;
      }
      if (i < to || to === space + 1) freq = Number(text.slice(space + 1, to));
      if (!Number.isNaN(freq)) visit(at, space, freq);
    }
    at = end + 1;
  }
}

/**
 * jieba's words among `candidates`, with their frequencies, and the total frequency of its whole
 * dictionary: all `segment` needs to cut texts whose every substring is a candidate exactly as the
 * whole dictionary cuts them (it looks up only a text's own substrings, and the total). One pass over
 * the file that builds no map of its 349,000 words (about ten times faster than jiebaDictionary); from
 * that map when it is already read.
 */
export function jiebaWordsAmong(candidates: ReadonlySet<string>): { freq: Map<string, number>; total: number } {
  const freq = new Map<string, number>();
  if (dictionary !== undefined) {
    for (const w of candidates) {
      const f = dictionary.get(w);
      if (f !== undefined) freq.set(w, f);
    }
    return { freq, total: dictionaryStats().total };
  }
  let total = 0;
  // read byte for byte (latin1: no UTF-8 decoding of 5 MB, which took most of the time) and matched
  // against the candidates' UTF-8 bytes the same way
  const wanted = new Set([...candidates].map((w) => Buffer.from(w, 'utf8').toString('latin1')));
  const text = readFileSync(nodejieba().DEFAULT_DICT, 'latin1');
  eachDictionaryLine(text, (at, space, f) => {
    total += f;
    const bytes = text.slice(at, space);
    if (wanted.has(bytes)) freq.set(Buffer.from(bytes, 'latin1').toString('utf8'), f);
  });
  return { freq, total };
}

/** @internal Whether jieba's whole dictionary has been read into a map in this process (jiebaDictionary). */
export function jiebaDictionaryRead(): boolean {
  return dictionary !== undefined;
}

/** A jieba loaded for a known set of texts: cut only those (another text may be cut differently). */
export interface JiebaForTexts {
  /** As jiebaCut. */
  cut(text: string): string[];
  /** As jiebaWords. */
  words(text: string): string[];
}

let oneOff = 0;
let keepWhole = false;

/**
 * For a process that builds again and again (kb review's try-it worker): jieba's whole dictionary is
 * loaded once and kept, instead of a dictionary for each build's texts (which, re-made per build, cost
 * a 3,000-row store's rebuild about half a second more).
 */
export function keepWholeJiebaDictionary(): void {
  keepWhole = true;
}

/** @internal Which dictionary jieba has loaded: its whole one, one for some texts, or none yet. */
export function loadedJiebaDictionary(): 'whole' | 'texts' | undefined {
  return loaded === undefined ? undefined : loaded.startsWith('texts ') ? 'texts' : 'whole';
}

/**
 * Above this many characters of distinct text, looking their words up (about 5 µs a character: a probe
 * of jieba's 349,000-word map is a cache miss) costs about what loading the whole dictionary does.
 */
const MAX_CUT_TO_TEXT = 300_000;

/**
 * jieba loaded to cut these texts exactly as with its whole dictionary, in a fraction of the time:
 * loading its 349,000 words takes 1.5–3 s, most of a small knowledge base's build. jieba scores a
 * cut with each dictionary word's log(freq / total), a character it lacks with the smallest such
 * weight and a user word without a frequency with the median; so a dictionary of the words found in
 * the texts, plus placeholder words (private-use characters, never in a text) that keep the total,
 * the smallest frequency and the median where they were, cuts them the same. A large knowledge base
 * (more than MAX_CUT_TO_TEXT characters) loads the whole dictionary instead.
 */
export function jiebaFor(texts: Iterable<string>, userDict?: UserDictionary): JiebaForTexts {
  const distinct = new Set(texts);
  let chars = 0;
  for (const text of distinct) chars += text.length;
  const lines = keepWhole || chars > MAX_CUT_TO_TEXT ? undefined : dictionaryFor(distinct);
  const key = `texts ${++oneOff}\u0000${userKey(userDict)}`;
  const segmenter = (): NodeJieba => (lines === undefined ? load(userDict) : loadWith(key, userDict, lines));
  return {
    cut: (text) => segmenter().cutForSearch(text, true),
    words: (text) => segmenter().cut(text, false),
  };
}

/** @internal The dictionary lines for some texts (exported for its test). */
export function dictionaryFor(texts: Iterable<string>): string[] {
  const dict = jiebaDictionary();
  const { total, smallest, median, longest, longPrefixes } = dictionaryStats();
  const found = new Set<string>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const end = Math.min(text.length, i + longest);
      for (let j = i + 1; j <= end; j++) {
        const w = text.slice(i, j);
        if (j - i === 4 && !longPrefixes.has(w)) {
          if (dict.has(w)) found.add(w);
          break;
        }
        if (dict.has(w)) found.add(w);
      }
    }
  }
  // in the dictionary's order, as jieba would have read them
  const lines: string[] = [];
  let sum = 0;
  let below = 0;
  let above = 0;
  for (const [w, f] of dict) {
    if (!found.has(w)) continue;
    lines.push(`${w} ${f} x`);
    sum += f;
    if (f < median) below++;
    else if (f > median) above++;
  }
  // placeholders: one at the smallest frequency, enough at the median to hold the middle of the
  // sorted frequencies whatever the texts' words are, and one that brings the sum to jieba's total
  let n = 0;
  const placeholder = (f: number): void => {
    lines.push(`\u{f0000}${(n++).toString(36)} ${f} x`);
    sum += f;
  };
  placeholder(smallest);
  if (smallest < median) below++;
  const middle = Math.abs(below - (above + 1)) + 2;
  for (let k = 0; k < middle; k++) placeholder(median);
  const rest = total - sum;
  if (rest <= median) return [...dict].map(([w, f]) => `${w} ${f} x`);
  placeholder(rest);
  return lines;
}

let stats: { total: number; smallest: number; median: number; longest: number; longPrefixes: Set<string> } | undefined;
function dictionaryStats(): NonNullable<typeof stats> {
  if (stats !== undefined) return stats;
  // frequencies are counted, not sorted: 349,000 numbers, a few thousand distinct
  const counts = new Map<number, number>();
  let total = 0;
  let longest = 1;
  const longPrefixes = new Set<string>();
  for (const [w, f] of jiebaDictionary()) {
    counts.set(f, (counts.get(f) ?? 0) + 1);
    total += f;
    if (w.length > longest) longest = w.length;
    if (w.length > 4) longPrefixes.add(w.slice(0, 4));
  }
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  const middle = jiebaDictionary().size >> 1;
  let median = distinct[0] ?? 1;
  for (let i = 0, seen = 0; i < distinct.length; i++) {
    seen += counts.get(distinct[i] as number) ?? 0;
    if (seen > middle) {
      median = distinct[i] as number;
      break;
    }
  }
  stats = { total, smallest: distinct[0] ?? 1, median, longest, longPrefixes };
  return stats;
}
