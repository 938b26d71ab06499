/**
 * The nodejieba adapter (build time only — the runtime never loads it). jieba discovers the
 * knowledge base's vocabulary: every word it cuts from the entries (search-engine mode, HMM on
 * for new words), with jieba's dictionary frequency, plus the user's dictionary.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

interface NodeJieba {
  load(options?: { userDict?: string }): void;
  cutForSearch(sentence: string, hmm?: boolean): string[];
  /** The second argument switches HMM on (its types call it strict). */
  cut(sentence: string, hmm?: boolean): string[];
  DEFAULT_DICT: string;
}

/** Made once: createRequire costs more than a short jieba cut, and a build cuts every text run. */
const require = createRequire(import.meta.url);
let jieba: NodeJieba | undefined;
let loadedUserDict: string | undefined;
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

function load(userDict: string | undefined): NodeJieba {
  jieba ??= nodejieba();
  if (loadedUserDict !== (userDict ?? '')) {
    // nodejieba accepts one user dictionary; its format is jieba's `word [freq] [tag]` per line
    if (userDict === undefined) jieba.load();
    else jieba.load({ userDict });
    loadedUserDict = userDict ?? '';
  }
  return jieba;
}

/** Cut a text the way jieba's search mode does (long words and their sub-words), HMM on. */
export function jiebaCut(text: string, userDict?: string): string[] {
  return load(userDict).cutForSearch(text, true);
}

/** Cut a text into jieba's dictionary words, one way (no sub-words, no HMM guesses): where its words end. */
export function jiebaWords(text: string, userDict?: string): string[] {
  return load(userDict).cut(text, false);
}

/** jieba's own dictionary: word → frequency. */
export function jiebaDictionary(): ReadonlyMap<string, number> {
  if (dictionary !== undefined) return dictionary;
  const path = nodejieba().DEFAULT_DICT;
  const map = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word !== undefined && word !== '' && freq !== undefined) map.set(word, Number(freq));
  }
  dictionary = map;
  return map;
}
