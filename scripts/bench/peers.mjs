// The peers of the benchmark, over kb's own analyzer tokens (joined by spaces, split on spaces).
//
// MiniSearch 7 (BM25+): one document per entry with three fields — question, similar (all
// similar questions) and answer (heading path + answer, as kb analyzes it) — with equal weights,
// OR of the query terms, no prefix or fuzzy matching (the tokens already carry bigrams).
// flexsearch 0.8 alone: one Index document per entry over the same text in the order question,
// similar questions, answer (flexsearch scores by term position, so the question counts most),
// tokenize "strict", our own encode (split on spaces), `suggest: true` so that a multi-term
// query is OR-like (ranked by the number of matched terms) instead of AND.
// Each configuration was compared with alternatives on the dev sets (see the method in
// docs/benchmarks.md).
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';

const split = (s) => (s === '' ? [] : s.split(' '));
const identity = (t) => t;

/** Token strings of an entry: { q: "…", s: ["…"], a: "…" } (space-joined kb tokens). */
export const MINISEARCH_FIELDS = ['question', 'similar', 'answer'];
export const MINISEARCH_BOOST = { question: 1, similar: 1, answer: 1 };

function miniSearchOptions() {
  return {
    idField: 'i',
    fields: MINISEARCH_FIELDS,
    storeFields: [],
    tokenize: split,
    processTerm: identity,
    searchOptions: { boost: MINISEARCH_BOOST, combineWith: 'OR', prefix: false, fuzzy: false },
  };
}

export const miniSearch = {
  name: 'MiniSearch',
  build(tokens) {
    const ms = new MiniSearch(miniSearchOptions());
    const docs = tokens.map((t, i) => ({ i, question: t.q, similar: t.s.join(' '), answer: t.a }));
    ms.addAll(docs);
    return ms;
  },
  serialize(ms) {
    return JSON.stringify(ms);
  },
  load(text) {
    return MiniSearch.loadJSON(text, miniSearchOptions());
  },
  /** Entry numbers of the top k. */
  search(ms, query, k) {
    if (query === '') return [];
    const res = ms.search(query);
    const out = [];
    for (let i = 0; i < res.length && out.length < k; i++) out.push(res[i].id);
    return out;
  },
};

function flexOptions() {
  return { tokenize: 'strict', resolution: 9, encode: split };
}

export const flexSearch = {
  name: 'flexsearch',
  build(tokens) {
    const ix = new FlexSearch.Index(flexOptions());
    tokens.forEach((t, i) => {
      const text = [t.q, ...t.s, t.a].filter((x) => x !== '').join(' ');
      if (text !== '') ix.add(i, text);
    });
    return ix;
  },
  async serialize(ix) {
    const parts = {};
    await ix.export((key, data) => {
      parts[key] = data;
    });
    return JSON.stringify(parts);
  },
  load(text) {
    const ix = new FlexSearch.Index(flexOptions());
    const parts = JSON.parse(text);
    for (const key of Object.keys(parts)) ix.import(key, parts[key]);
    return ix;
  },
  search(ix, query, k) {
    if (query === '') return [];
    return ix.search(query, { limit: k, suggest: true });
  },
};

export const PEERS = { minisearch: miniSearch, flexsearch: flexSearch };
