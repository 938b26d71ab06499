/**
 * The analyzer settings of a build: the KB's vocabulary (what jieba cuts from the entries, with
 * jieba's frequencies, plus the user's dictionary and synonyms), synonym groups and stopwords.
 */
import { readFile } from 'node:fs/promises';
import { fail, ok, problem, type Result } from '../core/problems.js';
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions, type AnalyzerSettings } from '../analyze/settings.js';
import { jiebaDictionary, jiebaFor, type UserDictionary } from '../analyze/jieba.js';
import { characterReadings } from '../analyze/pinyin.js';
import { homophonesOf } from '../analyze/analyzer.js';
import { defaultStopwords, NEGATIONS } from '../analyze/stopwords.js';
import { cantoneseToMandarin, traditionalToSimplified } from '../text/normalize.js';
import { decodeText } from '../ingest/decode.js';
import { notArrivedPlain } from '../analyze/not-arrived.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const MULTI_HAN = /^\p{Script=Han}{2,}$/u;
/** Frequency given to the lexicon's domain words (jieba's scale; a common word is in the thousands). */
const DOMAIN_WORD_FREQUENCY = 2000;

export interface VocabularyInputs {
  texts: readonly string[];
  /** jieba user dictionary: `word [freq] [tag]` per line. */
  userDict?: string;
  /** Synonym groups file: one group per line, words separated by spaces, commas or |. */
  synonyms?: string;
  /** Extra stopwords file: one word per line. */
  stopwords?: string;
  options?: Partial<AnalyzerOptions>;
  /** Word groups whose words the analyzer must know (the built-in lexicon), so queries cut them whole. */
  lexicon?: readonly (readonly string[])[];
  /**
   * Words the analyzer must know at their own frequency (the kinds of goods: 电视 in a KB of fridges),
   * not raised as the lexicon's are: 冰箱门 in a text stays one word.
   */
  names?: readonly string[];
}

function normalize(text: string): string {
  return cantoneseToMandarin(traditionalToSimplified(text.normalize('NFKC').toLowerCase()));
}

/** A dictionary, synonyms or stopwords file's lines, in the encoding it was saved in (UTF-8, UTF-16, GBK, Big5: as sources are). */
async function readLines(path: string, what: string): Promise<Result<{ text: string; line: number }[]>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return fail(problem('file-not-found', `${what} file cannot be read; check the path`, { file: path }));
  }
  const decoded = decodeText(bytes, path);
  if (!decoded.ok) return decoded;
  return ok(
    decoded.value.text
      .replace(/^\uFEFF/, '')
      .split('\n')
      .map((text, i) => ({ text: text.trim(), line: i + 1 }))
      .filter((l) => l.text !== '' && !l.text.startsWith('#')),
  );
}

export function parseSynonymLines(lines: readonly { text: string }[]): string[][] {
  return lines
    .map((l) => [...new Set(l.text.split(/[\s,，|=、;；]+/u).map((w) => normalize(w)).filter((w) => w !== ''))])
    .filter((g) => g.length >= 2);
}

/**
 * The KB's own words: character 3- and 4-grams that recur (in at least MIN_COUNT distinct texts)
 * and nearly always appear whole — their first and last characters seldom occur without the rest.
 * Product names jieba does not know (微粒贷, 京东白条) are found this way.
 *
 * A KB repeats its phrases (a FAQ's similar questions, kb's generated ones), and a repeated phrase
 * is cohesive too: 了还能退 (…试色了还能退吗), 么时候 (什么时候), 费险怎么 (运费险怎么办) were words of a
 * user test's shop, so 口红试色了还能退吗 was cut 了还能退 and missed its own similar question
 * 口红试色了能退吗 (0.36 against 0.96). With `cut` (jieba's dictionary words), a candidate must start
 * and end where the dictionary's words do in most of the texts it stands in (微粒贷 is 微粒 | 贷 in
 * 微粒贷怎么还; 么时候 starts inside 什么), and none has a particle in it (了, 吗, 的 …).
 */
const MIN_COUNT = 5;
const COHESION = 0.6;
/** Share of a candidate's texts in which it starts and ends at the dictionary's word boundaries. */
const ALIGNED = 0.5;
const PARTICLE = /[了吗呢吧啊么的得着]/u;
/**
 * 未, the negation the analyzer writes 没到 as (not-arrived.ts): never inside a word the KB is
 * found to use — a FAQ's 退款怎么还没到, repeated for each product, made 还未到 a word that hid it. (Words
 * with 没 are found as before: leaving them out too moved bq's 没有微粒贷 questions, hit@5 0.407 → 0.406.)
 */
const NEGATION_CHAR = /未/u;

export function discoverWords(runs: readonly string[], cut?: (run: string) => readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const run of new Set(runs)) {
    const seen = new Set<string>();
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) seen.add(run.slice(i, i + n));
    for (const g of seen) count.set(g, (count.get(g) ?? 0) + 1);
  }
  const words: string[] = [];
  for (const [g, c] of count) {
    if (g.length < 3 || c < MIN_COUNT) continue;
    const head = count.get(g.slice(0, -1)) ?? c;
    const tail = count.get(g.slice(1)) ?? c;
    if (c / head >= COHESION && c / tail >= COHESION && !(cut !== undefined && PARTICLE.test(g)) && !NEGATION_CHAR.test(g)) words.push(g);
  }
  if (cut === undefined || words.length === 0) return words.sort();
  const candidates = new Set(words);
  const found = new Map<string, number>();
  const aligned = new Map<string, number>();
  for (const run of new Set(runs)) {
    if (run.length < 3) continue;
    const ends = new Set<number>([0]);
    let at = 0;
    for (const w of cut(run)) ends.add((at += w.length));
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const g = run.slice(i, i + n);
        if (!candidates.has(g)) continue;
        found.set(g, (found.get(g) ?? 0) + 1);
        if (ends.has(i) && ends.has(i + n)) aligned.set(g, (aligned.get(g) ?? 0) + 1);
      }
    }
  }
  return words.filter((g) => (aligned.get(g) ?? 0) >= ALIGNED * (found.get(g) ?? 1)).sort();
}

/** jieba's rule for a new word's frequency: high enough that the word beats its pieces. */
function suggestFrequency(word: string, dict: ReadonlyMap<string, number>, total: number): number {
  let p = 1;
  for (const ch of word) p *= (dict.get(ch) ?? 1) / total;
  return Math.max(3, Math.floor(p * total) + 1);
}

export async function buildAnalyzerSettings(inputs: VocabularyInputs): Promise<Result<AnalyzerSettings>> {
  const dict = jiebaDictionary();
  let total = 0;
  for (const f of dict.values()) total += f;
  const options = { ...DEFAULT_ANALYZER_OPTIONS, ...inputs.options };
  // the words as the analyzer will read them: 还没到账 is 还未到账 there
  const plain = options.notArrived === true ? notArrivedPlain : (text: string): string => text;
  const vocab = new Map<string, number>();
  const add = (word: string, freq?: number): void => {
    if (vocab.has(word)) return;
    vocab.set(word, freq ?? dict.get(word) ?? suggestFrequency(word, dict, total));
  };

  const userWords: string[] = [];
  let userDict: UserDictionary | undefined;
  if (inputs.userDict !== undefined) {
    const lines = await readLines(inputs.userDict, 'user dictionary');
    if (!lines.ok) return lines;
    // jieba is given the lines as kb read them (a UTF-16 or GBK file, decoded)
    userDict = { path: inputs.userDict, lines: lines.value.map((l) => l.text) };
    for (const { text } of lines.value) {
      const [word, freq] = text.split(/\s+/);
      if (word === undefined) continue;
      const w = plain(normalize(word));
      const f = freq !== undefined && /^\d+$/.test(freq) ? Number(freq) : undefined;
      add(w, f);
      userWords.push(w);
    }
  }
  let synonyms: string[][] = [];
  if (inputs.synonyms !== undefined) {
    const lines = await readLines(inputs.synonyms, 'synonyms');
    if (!lines.ok) return lines;
    // written as the analyzer writes the texts they must meet (a group's 没到账 is 未到账 there)
    synonyms = parseSynonymLines(lines.value).map((group) => [...new Set(group.map(plain))]);
    for (const group of synonyms) for (const w of group) if (/\p{Script=Han}/u.test(w)) add(w);
  }
  // domain words are common words here, whatever their frequency in general text: 退货|运费, not 退|货运费
  for (const group of inputs.lexicon ?? []) {
    for (const word of group) {
      const w = plain(normalize(word));
      if (MULTI_HAN.test(w)) add(w, Math.max(dict.get(w) ?? 0, DOMAIN_WORD_FREQUENCY));
    }
  }
  for (const word of inputs.names ?? []) {
    const w = normalize(word);
    if (MULTI_HAN.test(w)) add(w);
  }
  let stopwords = defaultStopwords();
  if (inputs.stopwords !== undefined) {
    const lines = await readLines(inputs.stopwords, 'stopwords');
    if (!lines.ok) return lines;
    stopwords = [...new Set([...stopwords, ...lines.value.map((l) => normalize(l.text))])].sort();
  }

  // stopwords, fillers and negations are cut whole (您好, 请问, 不能), so they drop out or stay as one word
  for (const w of [...stopwords, ...NEGATIONS]) if (MULTI_HAN.test(w)) add(w);

  const runs: string[] = [];
  for (const text of inputs.texts) for (const run of plain(normalize(text)).match(HAN_RUN) ?? []) runs.push(run);
  // jieba loaded for these runs only: a fraction of its whole dictionary's load
  const jieba = jiebaFor(runs, userDict);
  for (const word of discoverWords(runs, (run) => jieba.words(run))) add(word);
  for (const run of runs) {
    for (const ch of run) add(ch);
    if (run.length < 2) continue;
    for (const w of jieba.cut(run)) if (w.length > 1 && /^\p{Script=Han}+$/u.test(w)) add(w);
  }
  // in how many KB texts each word occurs (the pinyin matcher prefers the KB's usual spelling)
  const texts = new Map<string, number>();
  for (const run of new Set(runs)) {
    const seen = new Set<string>();
    const maxLen = Math.min(run.length, 8);
    for (let n = 1; n <= maxLen; n++) for (let i = 0; i + n <= run.length; i++) {
      const g = run.slice(i, i + n);
      if (vocab.has(g)) seen.add(g);
    }
    for (const g of seen) texts.set(g, (texts.get(g) ?? 0) + 1);
  }
  const vocabulary = [...vocab]
    .map(([w, f]): [string, number, number] => [w, f, texts.get(w) ?? 0])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const settings: AnalyzerSettings = { options, vocabulary, synonyms, stopwords };
  if (options.pinyin) {
    settings.homophones = homophonesOf(vocabulary, new Set(stopwords.filter((w) => !NEGATIONS.has(w))));
    // the syllables of the words a typo may sound like: the only readings worth carrying
    const syllables = new Set(settings.homophones.split('\n').flatMap((line) => line.split('\t')[0]?.split(' ') ?? []).filter((s) => s !== ''));
    settings.readings = characterReadings(syllables);
  }
  return ok(settings);
}
