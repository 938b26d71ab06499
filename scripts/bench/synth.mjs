// Synthetic after-sales knowledge bases and queries, deterministic from a seed.
//
// An entry is an intent (a template family from words.mjs: "return shipping fee", "refund
// delay", "invoice title"…) about a product of a catalogue and, often, a condition (拆封后,
// 预售…). Its five variants (question + 4 similar questions) are renderings of different
// templates of the intent with different synonyms, product name forms and fillers: paraphrases.
// Products are drawn from the catalogue with a Zipf law, and their series names are made-up
// words, so postings have a realistic skew: domain words (退货, 运费, 多久) in a large share of
// entries, product and series words in a few. Queries are new renderings of a random entry's
// intent (a template and synonyms chosen afresh), with chat fillers and, for some, a typo.
import { BRANDS, CATEGORIES, CONDITIONS, COURIERS, INTENTS, PREFIXES, SERIES_CHARS, SUFFIXES, SUFFIXES_Q, SYN, TYPOS } from './words.mjs';

/** sfc32 seeded through splitmix32: a small, fast, deterministic PRNG. */
export function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** Zipf-distributed index in [0, n) with exponent s (precomputed CDF per (n, s)). */
    zipf: (n, s = 1) => {
      const cdf = zipfCdf(n, s);
      const u = next();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
  return rng;
}

const cdfCache = new Map();
function zipfCdf(n, s) {
  const key = `${n}:${s}`;
  let cdf = cdfCache.get(key);
  if (cdf) return cdf;
  cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += 1 / (i + 1) ** s;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += 1 / (i + 1) ** s / sum;
    cdf[i] = acc;
  }
  cdf[n - 1] = 1;
  cdfCache.set(key, cdf);
  return cdf;
}

function seriesNames(rng, count) {
  const out = [];
  const seen = new Set();
  while (out.length < count) {
    const len = rng.chance(0.7) ? 2 : 3;
    let name = '';
    for (let i = 0; i < len; i++) name += rng.pick(SERIES_CHARS);
    if (name[0] === name[1] || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

function catalogue(rng, size) {
  const series = seriesNames(rng, Math.max(100, Math.ceil(size / 2)));
  const products = [];
  const seen = new Set();
  while (products.length < size) {
    const p = {
      brand: BRANDS[rng.zipf(BRANDS.length, 0.9)],
      series: series[rng.zipf(series.length, 0.6)],
      suffix: rng.pick(SUFFIXES),
      category: CATEGORIES[rng.zipf(CATEGORIES.length, 0.8)],
    };
    const key = `${p.brand}${p.series}${p.suffix}${p.category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    products.push(p);
  }
  return products;
}

/** One of the ways customers name a product: full name, series + category, brand + category… */
function productForm(rng, p, full) {
  const s = `${p.series}${p.suffix}`;
  if (full) return `${p.brand}${s}${p.category}`;
  const u = rng.next();
  if (u < 0.3) return `${p.brand}${s}${p.category}`;
  if (u < 0.6) return `${s}${p.category}`;
  if (u < 0.75) return `${p.brand}${s}`;
  if (u < 0.9) return `${p.brand}${p.category}`;
  return rng.chance(0.5) ? `这个${p.category}` : `${p.series}${p.category}`;
}

function stripCondition(template) {
  return template.replace(/是\{C\}的，?/u, '').replace(/\{C\}的/u, '').replace(/\{C\}/gu, '');
}

function render(rng, template, slots, canonical) {
  return template.replace(/\{([^}]+)\}/gu, (_, name) => {
    if (name === 'P') return slots.product();
    if (name === 'C') return slots.condition;
    if (name === 'K') return slots.courier;
    if (name === 'D') return String(slots.d);
    if (name === 'N') return String(slots.n);
    const group = SYN[name];
    if (group === undefined) throw new Error(`unknown slot {${name}}`);
    return canonical ? group[0] : rng.pick(group);
  });
}

function templatesFor(intent, condition) {
  return condition === '' ? intent.q.map(stripCondition) : intent.q;
}

/**
 * A knowledge base of `size` entries, 5 variants each, and `queries` questions with the id of
 * the entry they ask about. Deterministic: same (size, seed), same data.
 */
export function makeSynthetic(size, { seed = 20260101, queries = 1000, warmup = 200 } = {}) {
  const rng = prng(seed ^ size);
  const products = catalogue(rng, Math.max(50, Math.ceil(size / 3)));
  const entries = [];
  const meta = [];
  const seen = new Set();
  const width = String(size).length;
  while (entries.length < size) {
    const product = products[rng.zipf(products.length, 0.7)];
    const intent = rng.int(INTENTS.length);
    const condition = rng.chance(0.65) ? CONDITIONS[rng.zipf(CONDITIONS.length, 0.7)] : '';
    const key = `${intent}|${product.brand}${product.series}${product.suffix}${product.category}|${condition}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const slots = { condition, courier: rng.pick(COURIERS), d: 1 + rng.int(30), n: 2 + rng.int(98), product: null };
    const def = INTENTS[intent];
    const templates = templatesFor(def, condition);
    // five distinct templates when the intent has them, the question first
    const order = templates.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const variants = [];
    const variantSet = new Set();
    for (let v = 0, attempt = 0; variants.length < 5 && attempt < 40; attempt++, v++) {
      const template = templates[order[v % order.length]];
      slots.product = () => productForm(rng, product, variants.length === 0);
      let text = render(rng, template, slots, variants.length === 0);
      if (variants.length > 0) text = `${rng.pick(PREFIXES)}${text}${rng.pick(SUFFIXES_Q)}`;
      if (variantSet.has(text)) continue;
      variantSet.add(text);
      variants.push(text);
    }
    slots.product = () => `${product.brand}${product.series}${product.suffix}${product.category}`;
    const first = rng.int(def.a.length);
    let answer = render(rng, def.a[first], slots, true);
    if (def.a.length > 1 && rng.chance(0.25)) answer += render(rng, def.a[(first + 1) % def.a.length], slots, false);
    if (rng.chance(0.15)) answer += `如有其他疑问，请联系在线客服，订单号和{P}照片请一并提供。`.replace('{P}', product.category);
    const id = `e${String(entries.length).padStart(width, '0')}`;
    entries.push({ id, question: variants[0], similar: variants.slice(1), answer, origin: 'faq', status: 'approved' });
    meta.push({ intent, product, condition, slots: { ...slots } });
  }
  const makeQueries = (count, qrng) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      const e = qrng.int(entries.length);
      const { intent, product, condition, slots } = meta[e];
      const templates = templatesFor(INTENTS[intent], condition);
      const s = { ...slots, product: () => productForm(qrng, product, false) };
      let q = render(qrng, qrng.pick(templates), s, false);
      const u = qrng.next();
      if (u < 0.25) {
        const typos = TYPOS.filter(([w]) => q.includes(w));
        if (typos.length > 0) {
          const [w, t] = qrng.pick(typos);
          q = q.replace(w, t);
        }
      } else if (u < 0.35 && q.length > 6) {
        const at = 1 + qrng.int(q.length - 2);
        q = q.slice(0, at) + q.slice(at + 1); // a dropped character
      } else if (u < 0.4 && q.length > 6) {
        const at = 1 + qrng.int(q.length - 3);
        q = q.slice(0, at) + q[at + 1] + q[at] + q.slice(at + 2); // two characters swapped
      }
      q = `${qrng.pick(PREFIXES)}${q}${qrng.pick(SUFFIXES_Q)}`;
      out.push({ q, expect: entries[e].id });
    }
    return out;
  };
  const qrng = prng((seed ^ size) + 7919);
  return { entries, warmup: makeQueries(warmup, qrng), queries: makeQueries(queries, qrng) };
}
