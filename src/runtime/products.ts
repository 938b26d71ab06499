/**
 * The goods an index is about, as ranking tells entries apart by them: a catalogue's products
 * (IndexModel.names / nameOf: X20手机, X20 Lite手机, each asked the same questions) and the kinds of
 * goods entries ask about (IndexModel.products: 洗衣机, 空调). Ranking lowers an entry that answers
 * for another product than the question names — a sibling model (OTHER_MODEL_SHARE) or another kind
 * of goods (PRODUCT_CONFLICT_SHARE) — and a catalogue's name terms weigh less (CATALOGUE_NAME_SHARE).
 */
import { isWordTerm } from '../analyze/analyzer.js';
import type { Postings } from './postings.js';

/**
 * The share of its score an entry keeps when its questions name a kind of goods (IndexModel.products:
 * 洗衣机) and it names none of the kinds the question names (空调有异味), anywhere: it answers for
 * another product. Without it, 洗衣机有异味怎么办？ came before a manual's 空调出风有异味怎么办？ (a user
 * test's appliance shop), and 电视没声音 found 冰箱噪音大正常吗？.
 */
export const PRODUCT_CONFLICT_SHARE = 0.5;

/**
 * The weight of a catalogue's product-name terms (IndexModel.names): where 80 products are each
 * asked the same 37 questions, the name (Robo S Lite扫地机器人: eight terms with its parts and
 * bigrams, each in a few dozen entries) outweighed the question's own words, and every entry of the
 * product scored nearly alike — 要退货去哪弄 found the product's repair entry through 去 / 哪里.
 * Measured on a 3,041-row catalogue's 2,000 questions (hit@1 / MRR): 1 (as before) 0.618 / 0.685,
 * 0.8 0.625 / 0.689, 0.7 0.628 / 0.689, 0.6 0.630 / 0.690, 0.5 0.626 / 0.685, 0.3 0.545 / 0.637 (the
 * model words — Lite, Max — then stop telling X20 from X20 Lite).
 */
export const CATALOGUE_NAME_SHARE = 0.6;

/**
 * The share of its score a catalogue row keeps when it is about a sibling model of the product the
 * question names (X20 Lite手机 or X20 Pro手机 asked of X20手机; IndexModel.nameOf): the model word
 * (lite, in a third of the rows) weighed too little to keep the shorter X20 row from winning.
 */
export const OTHER_MODEL_SHARE = 0.5;

/** The catalogue products a question names, and their model words (Products.namedProducts). */
export interface NamedProducts {
  named: Set<number>;
  words: Set<string>;
}

/** A catalogue's products and the kinds of goods of an index's entries, read once at load. */
export class Products {
  /** A catalogue's products (IndexModel.names): each one's model words, the products filed under each word (below), and each entry's product (-1: none). */
  private modelWords: string[][] = [];
  /**
   * Each model word → the products whose rarest model word it is (each product under one word): a
   * question names a product only if it has all its words, so only the products filed under one of
   * its words need checking — not every product of a word in hundreds (手机 of every phone).
   */
  private productsByRarestWord = new Map<string, number[]>();
  private entryProduct: Int32Array = new Int32Array(0);
  /** Term → its kind of goods (IndexModel.products); per entry, the kinds its questions name, and the kinds it names anywhere. */
  readonly productKind = new Map<string, number>();
  /** 1 for an entry whose questions name a kind (read for every scored entry of a question naming one: a typed array, not a map). */
  private asksKind: Uint8Array = new Uint8Array(0);
  private readonly kindsNamed = new Map<number, number[]>();

  /** Whether the index has a catalogue (its entries' products). */
  get hasCatalogue(): boolean {
    return this.entryProduct.length > 0;
  }

  /**
   * A catalogue's products as the runtime tells them apart: by the whole words of each name (x20 and
   * 手机, not the x and 20 of x20; 扫地机器人, not its 扫地; bigrams and single characters aside).
   */
  readCatalogue(names: readonly (readonly string[])[], nameOf: readonly number[], entries: number): void {
    if (names.length === 0 || nameOf.length !== entries) return;
    this.modelWords = names.map((terms) => {
      const words = terms.filter(isWordTerm);
      // whole words only: 扫地机器人, not its 扫地; x20, not its x and 20
      return words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
    });
    const productsWithWord = new Map<string, number>();
    for (const words of this.modelWords) for (const w of words) productsWithWord.set(w, (productsWithWord.get(w) ?? 0) + 1);
    this.modelWords.forEach((words, p) => {
      if (words.length === 0) return;
      const rarest = words.reduce((x, y) => (productsWithWord.get(y)! < productsWithWord.get(x)! ? y : x));
      const list = this.productsByRarestWord.get(rarest);
      if (list === undefined) this.productsByRarestWord.set(rarest, [p]);
      else list.push(p);
    });
    this.entryProduct = Int32Array.from(nameOf);
  }

  /**
   * Which kinds of goods each entry's questions name, and which it names anywhere (questions, text,
   * headings); `slots` is the length of the per-entry flags.
   */
  readKinds(kinds: readonly (readonly string[])[], termIds: ReadonlyMap<string, number>, variants: Postings, answers: Postings, variantEntry: Uint32Array, slots: number): void {
    const add = (into: Map<number, number[]>, e: number, kind: number): void => {
      const list = into.get(e);
      if (list === undefined) into.set(e, [kind]);
      else if (!list.includes(kind)) list.push(kind);
    };
    this.asksKind = new Uint8Array(slots);
    kinds.forEach((names, kind) => {
      for (const name of names) {
        this.productKind.set(name, kind);
        const t = termIds.get(name);
        if (t === undefined) continue;
        for (let i = variants.decode(t), end = variants.offset[t + 1]!; i < end; i++) {
          const e = variantEntry[variants.allDocs[i]!]!;
          this.asksKind[e] = 1;
          add(this.kindsNamed, e, kind);
        }
        for (let i = answers.decode(t), end = answers.offset[t + 1]!; i < end; i++) add(this.kindsNamed, answers.allDocs[i]!, kind);
      }
    });
  }

  /**
   * The catalogue products a question names: those all of whose model words it has, less any whose
   * words another named one has too (X20 Lite, not X20, for X20 Lite手机); and the model words they
   * have. Undefined when it names none.
   */
  namedProducts(terms: ReadonlyMap<string, number>): NamedProducts | undefined {
    if (this.productsByRarestWord.size === 0) return undefined;
    const has = (w: string): boolean => (terms.get(w) ?? 0) >= 1;
    const whole: number[] = [];
    for (const [t, w] of terms) {
      if (w < 1) continue;
      for (const p of this.productsByRarestWord.get(t) ?? []) if (this.modelWords[p]!.every(has)) whole.push(p);
    }
    if (whole.length === 0) return undefined;
    const named = new Set(whole.filter((p) => !whole.some((q) => this.modelWords[q]!.length > this.modelWords[p]!.length && this.modelWords[p]!.every((w) => this.modelWords[q]!.includes(w)))));
    return { named, words: new Set([...named].flatMap((p) => this.modelWords[p]!)) };
  }

  /** Whether entry e is a catalogue row of a sibling model of the products the question names (X20 Lite's when it names X20): another product of the same line. */
  otherModel(e: number, named: NamedProducts): boolean {
    const p = this.entryProduct[e] ?? -1;
    return p >= 0 && !named.named.has(p) && this.modelWords[p]!.some((w) => named.words.has(w));
  }

  /** An entry whose questions name a kind of goods and that names none of the question's kinds: it answers for another product. */
  namesOtherProduct(e: number, kinds: readonly number[]): boolean {
    if (this.asksKind[e] !== 1) return false;
    const named = this.kindsNamed.get(e)!;
    for (const k of kinds) if (named.includes(k)) return false;
    return true;
  }
}
