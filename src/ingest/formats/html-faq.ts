/**
 * FAQ and help-centre structures of modern HTML pages, read as question/answer pairs.
 *
 * Help centres (Shopify, Zendesk, Help Scout, Intercom, WordPress FAQ plugins, hand-made pages)
 * mark a question and its answer in ways `hast-util-to-mdast` flattens into one run of text:
 * - `<details><summary>Q</summary>answer…</details>`;
 * - definition lists `<dl><dt>Q</dt><dd>answer</dd>…</dl>`;
 * - accordion and tab widgets: a trigger (`aria-controls`, `aria-expanded`, `role=tab`,
 *   `data-bs-toggle`, or a class whose words say question/title/header… inside something whose
 *   words say accordion/faq/collapse/toggle…) over its panel (the element `aria-controls` names,
 *   else the next element);
 * - schema.org microdata (`itemtype=…/Question` with `itemprop=name` and `acceptedAnswer`);
 * - schema.org `FAQPage` JSON-LD in `<script type="application/ld+json">`.
 *
 * `markQaItems` rewrites each pair in the hast tree into a `<kb-qa>` element holding a `<kb-q>`
 * (the question's text) and a `<kb-a>` (the answer's content, moved there from wherever the panel
 * was); `qaItemsToHeadings` later, after the page is cleaned, turns each into a heading one level
 * below the heading above it (nested pairs one level deeper) followed by its answer. Headings
 * inside an answer are moved below its question.
 */
import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { tidyText } from './mdast-blocks.js';

/** The marker elements of a question/answer pair (never in real HTML: custom element names need a hyphen, these are ours). */
const QA_TAG = 'kb-qa';
const Q_TAG = 'kb-q';
const A_TAG = 'kb-a';

/** Is this element outside the page's content (navigation chrome, page furniture)? Supplied by the HTML adapter. */
export type ChromeTest = (el: Element, inContent: boolean) => boolean;

const HEADING = /^h[1-6]$/u;
const NEVER_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'title', 'meta', 'link']);

function isElement(node: RootContent | Root | undefined): node is Element {
  return node !== undefined && node.type === 'element';
}

function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (Array.isArray(v)) return v.map(String).join(' ');
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

/**
 * The words of an element's classes (and id: `collapseOne` names a panel; not for triggers, Yoast
 * gives a whole question/answer block the id `faq-question-1`): `accordion-button` → accordion,
 * button; `faqAnswer` → faq, answer.
 */
function nameWords(el: Element, withId = false): string[] {
  const names = [prop(el, 'className') ?? '', withId ? (prop(el, 'id') ?? '') : ''].join(' ');
  return names
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/u)
    .filter((w) => w !== '');
}

/**
 * What the search for pairs asks of an element and again of each of its ancestors (its text, its
 * blocks, its triggers), kept while it runs: the tree does not change then.
 */
interface FindCache {
  text: WeakMap<Element, string>;
  blocks: WeakMap<Element, number>;
  h1: WeakMap<Element, boolean>;
  triggers: WeakMap<Element, Trigger[]>;
}
let cache: FindCache | undefined;

function memo<T>(map: WeakMap<Element, T> | undefined, el: Element, compute: () => T): T {
  const known = map?.get(el);
  if (known !== undefined) return known;
  const value = compute();
  map?.set(el, value);
  return value;
}

const SPACED = /^(?:br|p|div|li|dt|dd|h[1-6]|tr|td|th)$/u;

/** Text a reader sees: without scripts, icons drawn in SVG or hidden from screen readers. */
export function visibleText(node: RootContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(visibleText).join('');
  if (node.type !== 'element' || NEVER_TEXT.has(node.tagName) || (node.properties['ariaHidden'] === 'true' && !isHiddenContent(node))) return '';
  return memo(cache?.text, node, () => {
    const inner = node.children.map(visibleText).join('');
    return SPACED.test(node.tagName) ? ` ${inner} ` : inner;
  });
}

/** A question as a heading's text: one line, without the +/− and arrow icons typed around it. */
function questionText(node: Element): string {
  return tidyText(visibleText(node))
    .replace(/^[+＋−–—›»▸▶►▾▼⌄∨✕×\s-]+/u, '')
    .replace(/[+＋−–—›»▸▶►▾▼⌄∨✕×\s-]+$/u, '')
    .trim();
}

/** A comparison key: letters and digits only, lower case. */
function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function hasText(node: RootContent | Root): boolean {
  return /[\p{L}\p{N}]/u.test(visibleText(node));
}

// ---------------------------------------------------------------------------------------------
// Accordion and tab triggers

/** Words of a widget that shows and hides answers. */
const WIDGET_WORDS = new Set(['accordion', 'accordions', 'faq', 'faqs', 'ufaq', 'collapse', 'collapsible', 'toggle', 'toggles', 'expand', 'expandable', 'expander', 'disclosure', 'qa', 'qna', 'question', 'questions']);
/** Words of the part a reader clicks. */
const TRIGGER_WORDS = new Set(['question', 'title', 'header', 'heading', 'head', 'toggle', 'trigger', 'button', 'btn', 'summary', 'label', 'handle']);
/** Words of the part that opens. */
const PANEL_WORDS = new Set(['answer', 'body', 'content', 'panel', 'collapse', 'collapsible', 'text', 'inner', 'details', 'detail', 'desc', 'description', 'pane', 'region', 'drawer', 'response', 'reply']);
/** Labels of buttons that show more of the page, not a question. */
const UI_LABEL = /^(?:show|read|view|see|load)\s+(?:more|less|all)|^(?:more|less|menu|toggle|close|open|expand|collapse|expand all|collapse all|search|filter|filters|sort|sort by|share|展开|收起|展开全部|全部展开|全部收起|更多|查看更多|阅读全文|菜单|搜索|筛选|分享)$/iu;
/** Roles of a popup a button opens: menus and lists, not content. */
const POPUP_ROLE = /^(?:menu|menubar|menuitem|listbox|combobox|dialog|tooltip|navigation|search)$/u;

/** Class words of each element (its classes never change), without and with its id. */
const wordCache = new WeakMap<Element, [Set<string>, Set<string>]>();

function words(el: Element, withId = false): Set<string> {
  let cached = wordCache.get(el);
  if (cached === undefined) {
    cached = [new Set(nameWords(el)), new Set(nameWords(el, true))];
    wordCache.set(el, cached);
  }
  return withId ? cached[1] : cached[0];
}

function hasAny(set: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  for (const w of set) if (of.has(w)) return true;
  return false;
}

/** Ids an element says it opens: `aria-controls`, Bootstrap's `data-bs-target`/`data-target` or a `#id` link of a collapse toggle. */
function controlledIds(el: Element): string[] {
  const ids = (prop(el, 'ariaControls') ?? '').split(/\s+/u).filter((s) => s !== '');
  for (const name of ['dataBsTarget', 'dataTarget']) {
    const v = prop(el, name);
    if (v !== undefined && /^#[\w-]+$/u.test(v.trim())) ids.push(v.trim().slice(1));
  }
  const toggle = prop(el, 'dataBsToggle') ?? prop(el, 'dataToggle');
  const href = prop(el, 'href');
  if (toggle !== undefined && href !== undefined && /^#[\w-]+$/u.test(href)) ids.push(href.slice(1));
  return ids;
}

/** How sure we are that an element is what a reader clicks to open an answer ('strong' needs no panel class), else undefined. */
function triggerKind(el: Element, widgetAround: boolean): 'strong' | 'weak' | undefined {
  if (el.tagName === 'summary' || el.tagName === 'dt') return undefined;
  const role = prop(el, 'role');
  if (prop(el, 'ariaHaspopup') !== undefined && prop(el, 'ariaHaspopup') !== 'false') return undefined;
  if (role !== undefined && POPUP_ROLE.test(role)) return undefined;
  if (role === 'tab' || prop(el, 'ariaExpanded') !== undefined || controlledIds(el).length > 0) return 'strong';
  const toggle = prop(el, 'dataBsToggle') ?? prop(el, 'dataToggle');
  if (toggle !== undefined && /^(?:collapse|tab|pill)$/u.test(toggle)) return 'strong';
  const own = words(el);
  if (own.has('question')) return 'strong';
  if (hasAny(own, TRIGGER_WORDS) && (widgetAround || hasAny(own, WIDGET_WORDS))) return 'weak';
  return undefined;
}

function isPanelLike(el: Element): boolean {
  const role = prop(el, 'role');
  return role === 'region' || role === 'tabpanel' || hasAny(words(el, true), PANEL_WORDS);
}

/** Block elements: a question never holds more than one with text (a `<div aria-expanded>` around `<h3>Q</h3><p>A</p>` is no trigger). */
const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'table', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Block elements with text of their own, not only inside other blocks (a `<div><p>A</p></div>` counts once). */
function countBlocks(el: Element): number {
  return memo(cache?.blocks, el, () => {
    let n = 0;
    for (const c of el.children) {
      if (!isElement(c) || !hasText(c)) continue;
      const inner = countBlocks(c);
      n += inner > 0 ? inner : BLOCKS.has(c.tagName) ? 1 : 0;
    }
    return n;
  });
}

function holdsH1(el: Element): boolean {
  return memo(cache?.h1, el, () => el.tagName === 'h1' || el.children.some((c) => isElement(c) && holdsH1(c)));
}

/**
 * The elements in `el` (itself first, then in reading order) a reader may click to open an answer;
 * `widget`: `el` is inside an accordion, FAQ or collapse widget.
 */
function triggersIn(el: Element, widget: boolean): Trigger[] {
  if (NEVER_TEXT.has(el.tagName) || el.properties['ariaHidden'] === 'true') return [];
  return memo(cache?.triggers, el, () => {
    const kind = triggerKind(el, widget);
    const inner = widget || (!PAGE_TAGS.has(el.tagName) && hasAny(words(el), WIDGET_WORDS));
    const found: Trigger[] = kind === undefined ? [] : [{ el, kind }];
    for (const c of el.children) if (isElement(c)) found.push(...triggersIn(c, inner));
    return found;
  });
}

/** Elements whose classes are the page's, not a widget's. */
const PAGE_TAGS = new Set(['html', 'body', 'main', 'article']);

interface Trigger {
  el: Element;
  kind: 'strong' | 'weak';
}

/**
 * The trigger `unit` is, when all of `unit`'s visible text is the trigger's (a `<h3>` around a
 * `<button>`): the one naming a panel by id first, else the outermost.
 */
function triggerOf(unit: Element, widgetAround: boolean): Trigger | undefined {
  const text = visibleText(unit);
  // (a question's text with its markup's spaces is rarely ten times its length)
  if (text.length > 1500) return undefined;
  const key = textKey(text);
  if (key === '' || [...key].length > 150 || countBlocks(unit) > 1 || PAGE_TAGS.has(unit.tagName)) return undefined;
  // the page's title is no question
  if (holdsH1(unit)) return undefined;
  const found = triggersIn(unit, widgetAround).filter((t) => textKey(visibleText(t.el)) === key);
  const withId = found.find((t) => controlledIds(t.el).length > 0);
  const first = withId ?? found[0];
  if (first === undefined) return undefined;
  // the unit is as sure as the surest trigger in it
  return { el: first.el, kind: found.some((t) => t.kind === 'strong') ? 'strong' : first.kind };
}

interface Pair {
  question: string;
  /** The answer's content. */
  answer: ElementContent[];
  position: Element['position'];
  /** The answer is only the element after the question, nothing marks it as one: what follows may be more of it. */
  open?: boolean;
}

/** Question/answer pairs found in a page, keyed by the element each replaces. */
interface Found {
  pairs: Map<Element, Pair>;
  /** Panels moved into a pair: dropped where they stand. */
  moved: Set<Element>;
}

function contains(outer: Element, inner: Element): boolean {
  if (outer === inner) return true;
  return outer.children.some((c) => isElement(c) && contains(c, inner));
}

/** The elements of a page by id, and the parent of each element. */
interface PageIndex {
  ids: Map<string, Element>;
  parents: WeakMap<Element, Element>;
}

function indexPage(root: Root): PageIndex {
  const index: PageIndex = { ids: new Map(), parents: new WeakMap() };
  const walk = (node: Root | Element): void => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      const id = prop(c, 'id');
      if (id !== undefined && !index.ids.has(id)) index.ids.set(id, c);
      if (node.type === 'element') index.parents.set(c, node);
      walk(c);
    }
  };
  walk(root);
  return index;
}

/** An element and its ancestors. */
function lineage(el: Element, parents: WeakMap<Element, Element>): Element[] {
  const out: Element[] = [];
  for (let a: Element | undefined = el; a !== undefined; a = parents.get(a)) out.push(a);
  return out;
}

function itemprops(el: Element): string[] {
  return (prop(el, 'itemProp') ?? '').split(/\s+/u);
}

function findDescendant(el: Element, test: (e: Element) => boolean): Element | undefined {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (test(c)) return c;
    const d = findDescendant(c, test);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** A microdata Question (`itemtype=…schema.org/Question`): its `name` and its `acceptedAnswer` content. */
function microdataPair(el: Element): { name: Element; answer: Element } | undefined {
  if (!/schema\.org\/Question\b/iu.test(prop(el, 'itemType') ?? '')) return undefined;
  const name = findDescendant(el, (e) => itemprops(e).includes('name'));
  const accepted = findDescendant(el, (e) => itemprops(e).includes('acceptedAnswer') || itemprops(e).includes('suggestedAnswer'));
  if (name === undefined || accepted === undefined || contains(name, accepted)) return undefined;
  const text = findDescendant(accepted, (e) => itemprops(e).includes('text')) ?? accepted;
  return { name, answer: text };
}

/**
 * Find the pairs of a page without changing it: details, microdata questions, accordion and tab
 * triggers with their panels. Chrome (as `isChrome` says) is not searched.
 */
function findPairs(root: Root, isChrome: ChromeTest): Found {
  const found: Found = { pairs: new Map(), moved: new Set() };
  const index = indexPage(root);
  const walk = (parent: Root | Element, inContent: boolean, widget: boolean): void => {
    const kids = parent.children;
    // a trigger is a block of its own, not a link or a button inside running text
    const running = kids.some((k) => k.type === 'text' && k.value.trim() !== '');
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (!isElement(c) || found.moved.has(c) || NEVER_TEXT.has(c.tagName)) continue;
      if (c.tagName !== 'button' && isChrome(c, inContent)) continue;
      // a page's own classes (`<body class="page-faq">`) make no widget of everything in it
      const page = PAGE_TAGS.has(c.tagName);
      const inner = { content: inContent || c.tagName === 'main' || c.tagName === 'article', widget: widget || (!page && hasAny(words(c), WIDGET_WORDS)) };
      if (c.tagName === 'details') {
        const summary = c.children.find((s): s is Element => isElement(s) && s.tagName === 'summary');
        const question = summary === undefined ? '' : questionText(summary);
        if (summary !== undefined && question !== '') {
          found.pairs.set(c, { question, answer: c.children.filter((s) => s !== summary) as ElementContent[], position: summary.position });
        }
        walk({ type: 'element', tagName: 'div', properties: {}, children: c.children.filter((s) => s !== summary) }, inner.content, inner.widget);
        continue;
      }
      const micro = microdataPair(c);
      if (micro !== undefined && questionText(micro.name) !== '') {
        found.pairs.set(c, { question: questionText(micro.name), answer: micro.answer.children, position: micro.name.position });
        walk(micro.answer, inner.content, inner.widget);
        continue;
      }
      const trigger = c.tagName === 'dl' || running ? undefined : triggerOf(c, widget);
      if (trigger !== undefined) {
        const panel = panelFor(trigger, c, kids.slice(i + 1), widget, index, isChrome, found);
        const question = questionText(trigger.el);
        if (panel !== undefined && !UI_LABEL.test(question)) {
          const named = controlledIds(trigger.el).some((id) => index.ids.get(id) === panel);
          found.pairs.set(c, { question, answer: panel.children, position: trigger.el.position, open: !named && !isPanelLike(panel) });
          found.moved.add(panel);
          walk(panel, inner.content, inner.widget);
          continue;
        }
      }
      walk(c, inner.content, inner.widget);
    }
  };
  walk(root, false, false);
  return found;
}

/** Controls, never a panel (a vote widget's `Yes` button after its question). */
const INTERACTIVE = new Set(['button', 'a', 'input', 'select', 'textarea', 'label', 'img']);

/** The panel a trigger opens: the element it names by id, else the next element with text after its unit. */
function panelFor(
  trigger: Trigger,
  unit: Element,
  after: readonly RootContent[],
  widget: boolean,
  index: PageIndex,
  isChrome: ChromeTest,
  found: Found,
): Element | undefined {
  const usable = (el: Element): boolean =>
    !INTERACTIVE.has(el.tagName) && !found.moved.has(el) && !contains(el, unit) && !contains(unit, el) && hasText(el) && el.tagName !== 'nav' && el.tagName !== 'form' && !POPUP_ROLE.test(prop(el, 'role') ?? '');
  for (const id of controlledIds(trigger.el)) {
    const target = index.ids.get(id);
    if (target === undefined) continue;
    // a panel hidden until opened (aria-hidden, hidden) is content; a panel inside navigation is not
    const chrome = lineage(target, index.parents).some((a) => a.properties['ariaHidden'] !== 'true' && isChrome(a, true));
    return !chrome && usable(target) ? target : undefined;
  }
  const next = after.filter(isElement).filter((e) => !NEVER_TEXT.has(e.tagName))[0];
  if (next === undefined || !usable(next) || triggerOf(next, widget) !== undefined) return undefined;
  return trigger.kind === 'strong' || isPanelLike(next) ? next : undefined;
}

/**
 * A panel hidden until a reader opens it (`aria-hidden="true"` on a tab panel or an accordion's
 * answer): content, not furniture hidden from screen readers.
 */
export function isHiddenContent(el: Element): boolean {
  const role = prop(el, 'role');
  if (role === 'tabpanel' || role === 'region') return true;
  const own = words(el, true);
  // not `panel`: an off-canvas menu drawer is a panel too
  return own.has('answer') || own.has('tabpanel') || own.has('collapse') || own.has('collapsible');
}

// ---------------------------------------------------------------------------------------------
// Rewriting

function qaItem(question: string, answer: ElementContent[], position: Element['position'], open = false): Element {
  const q: Element = { type: 'element', tagName: Q_TAG, properties: {}, children: [{ type: 'text', value: question }] };
  if (position !== undefined) q.position = position;
  return { type: 'element', tagName: QA_TAG, properties: open ? { dataOpen: 'true' } : {}, children: [q, { type: 'element', tagName: A_TAG, properties: {}, children: answer }] };
}

/** Longest definition taken for the value of a key/value list (characters). */
const MAX_VALUE = 40;

/**
 * A definition list: each term (or run of terms) a question over its definitions; a list of short
 * key/value pairs (`Weight` → `2 kg`) is a two-column table instead.
 */
function rewriteDl(dl: Element): ElementContent[] {
  const items: Element[] = [];
  const flat = (el: Element): void => {
    for (const c of el.children) if (isElement(c)) (c.tagName === 'div' ? flat(c) : items.push(c));
  };
  flat(dl);
  const groups: { terms: Element[]; defs: Element[] }[] = [];
  for (const el of items) {
    const last = groups[groups.length - 1];
    if (el.tagName === 'dt') {
      if (last !== undefined && last.defs.length === 0) last.terms.push(el);
      else groups.push({ terms: [el], defs: [] });
    } else if (el.tagName === 'dd') {
      if (last === undefined) groups.push({ terms: [], defs: [el] });
      else last.defs.push(el);
    }
  }
  const isQuestion = (t: Element): boolean => /[?？]\s*$/u.test(questionText(t));
  const short = (d: Element): boolean => {
    const text = tidyText(visibleText(d));
    return [...text].length <= MAX_VALUE && !/[.。!！?？]$/u.test(text) && countBlocks(d) === 0;
  };
  const keyValue = groups.length > 0 && groups.every((g) => g.terms.length === 1 && g.defs.length === 1 && !g.terms.some(isQuestion) && g.defs.every(short));
  if (keyValue) {
    const cell = (el: Element): Element => ({ type: 'element', tagName: 'td', properties: {}, children: el.children });
    const rows: Element[] = groups.map((g) => ({ type: 'element', tagName: 'tr', properties: {}, children: [cell(g.terms[0] as Element), cell(g.defs[0] as Element)] }));
    const table: Element = { type: 'element', tagName: 'table', properties: {}, children: rows };
    if (dl.position !== undefined) table.position = dl.position;
    return [table];
  }
  const out: ElementContent[] = [];
  const block = (el: Element): Element => {
    const div: Element = { type: 'element', tagName: 'div', properties: {}, children: el.children };
    if (el.position !== undefined) div.position = el.position;
    return div;
  };
  for (const g of groups) {
    const question = g.terms.map(questionText).filter((t) => t !== '').join(' / ');
    if (question === '' || !g.defs.some(hasText)) {
      out.push(...g.terms.map(block), ...g.defs.map(block));
      continue;
    }
    out.push(qaItem(question, g.defs.map(block), g.terms[0]?.position));
  }
  return out;
}

function rewrite(parent: Root | Element, found: Found): void {
  const out: RootContent[] = [];
  for (const c of parent.children) {
    if (!isElement(c)) {
      out.push(c);
      continue;
    }
    if (found.moved.has(c)) continue;
    const pair = found.pairs.get(c);
    if (pair !== undefined) {
      const answer: Element = { type: 'element', tagName: 'div', properties: {}, children: pair.answer };
      rewrite(answer, found);
      out.push(qaItem(pair.question, answer.children, pair.position, pair.open));
      continue;
    }
    if (c.tagName === 'dl') {
      const items = rewriteDl(c);
      const holder: Element = { type: 'element', tagName: 'div', properties: {}, children: items };
      rewrite(holder, found);
      out.push(...holder.children);
      continue;
    }
    rewrite(c, found);
    out.push(c);
  }
  parent.children = out as typeof parent.children;
}

/**
 * Rewrite the page's question/answer structures (details, definition lists, accordions, tabs,
 * microdata) into `<kb-qa>` pairs, moving each panel next to its question. Run before cleaning:
 * cleaning drops buttons and `aria-hidden` elements, which are what accordions are made of.
 */
export function markQaItems(root: Root, isChrome: ChromeTest): void {
  cache = { text: new WeakMap(), blocks: new WeakMap(), h1: new WeakMap(), triggers: new WeakMap() };
  try {
    const found = findPairs(root, isChrome);
    cache = undefined;
    rewrite(root, found);
  } finally {
    cache = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

/** One question of a schema.org FAQPage. */
export interface LdQuestion {
  question: string;
  /** The answer as HTML (schema.org allows markup in `text`). */
  answerHtml: string;
  /** The line of its `<script>` block. */
  position: Element['position'];
}

/** The FAQ questions of a page's JSON-LD, and its blocks that could not be read. */
export interface JsonLdFaq {
  questions: LdQuestion[];
  /** JSON-LD blocks that are not valid JSON: their line and the parser's message. */
  errors: { line: number | undefined; message: string }[];
}

function typeIs(node: Record<string, unknown>, name: string): boolean {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.some((x) => typeof x === 'string' && x.replace(/^.*[/:#]/u, '') === name);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * A JSON-LD text as HTML: some plugins escape its markup twice (`&lt;p&gt;Answer&lt;/p&gt;`), which
 * would show as tags; that is unescaped once first.
 */
function ldHtml(text: string): Root {
  const parse = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);
  if (text.includes('<') || !/&lt;\/?[a-z]/iu.test(text)) return parse(text);
  return parse(visibleText(parse(text)));
}

function plainOf(html: string): string {
  return tidyText(visibleText(ldHtml(html)));
}

function ldQuestions(data: unknown, position: Element['position'], out: LdQuestion[]): void {
  for (const v of asList(data)) {
    const node = asRecord(v);
    if (node === undefined) continue;
    if (typeIs(node, 'FAQPage')) {
      for (const q of asList(node['mainEntity'])) {
        const question = asRecord(q);
        if (question === undefined) continue;
        const name = typeof question['name'] === 'string' ? plainOf(question['name']) : '';
        const answers = [...asList(question['acceptedAnswer']), ...asList(question['suggestedAnswer'])].map(asRecord);
        const text = answers.map((a) => a?.['text']).find((t): t is string => typeof t === 'string' && t.trim() !== '');
        if (name !== '' && text !== undefined) out.push({ question: name, answerHtml: text, position });
      }
      continue;
    }
    if (node['@graph'] !== undefined) ldQuestions(node['@graph'], position, out);
    // a FAQPage may sit under a WebPage's mainEntity
    if (node['mainEntity'] !== undefined && !typeIs(node, 'Question')) ldQuestions(node['mainEntity'], position, out);
  }
}

/** The questions of the page's schema.org FAQPage JSON-LD blocks, and the blocks that fail to parse. */
export function jsonLdFaq(root: Root): JsonLdFaq {
  const result: JsonLdFaq = { questions: [], errors: [] };
  const walk = (node: Root | Element): void => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'script') {
        if (/^application\/ld\+json\b/iu.test((prop(c, 'type') ?? '').trim())) {
          const text = c.children.map((t) => (t.type === 'text' ? t.value : '')).join('');
          if (text.trim() === '') continue;
          try {
            ldQuestions(JSON.parse(text) as unknown, c.position, result.questions);
          } catch (error) {
            result.errors.push({ line: c.position?.start.line, message: error instanceof Error ? error.message : String(error) });
          }
        }
        continue;
      }
      walk(c);
    }
  };
  walk(root);
  return result;
}

/**
 * Add the JSON-LD questions the page does not show (neither the question nor the answer is in its
 * visible text) as pairs at the end of its main content: the visible FAQ wins, because it is what
 * customers read and it carries the page's own headings; JSON-LD is a copy for search engines.
 * Returns how many were added.
 */
export function addJsonLdQuestions(root: Root, questions: readonly LdQuestion[]): number {
  if (questions.length === 0) return 0;
  const shown = textKey(visibleText(root));
  const seen = new Set<string>();
  const missing = questions.filter((q) => {
    const qKey = textKey(q.question);
    const aKey = textKey(plainOf(q.answerHtml));
    if (qKey === '' || seen.has(qKey)) return false;
    seen.add(qKey);
    return !shown.includes(qKey) && !(aKey.length >= 10 && shown.includes(aKey));
  });
  if (missing.length === 0) return 0;
  const page: Element = { type: 'element', tagName: 'div', properties: {}, children: root.children as ElementContent[] };
  const holder: Root | Element = findDescendant(page, (e) => e.tagName === 'main') ?? findDescendant(page, (e) => e.tagName === 'article' || e.tagName === 'body') ?? root;
  for (const q of missing) {
    const answer = ldHtml(q.answerHtml);
    const item = qaItem(q.question, answer.children as ElementContent[], q.position);
    item.properties['dataTop'] = 'true';
    holder.children.push(item);
  }
  return missing.length;
}

// ---------------------------------------------------------------------------------------------
// Pairs → headings

function headingLevels(root: Root | Element): number[] {
  const out: number[] = [];
  const walk = (node: Root | Element): void => {
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (HEADING.test(c.tagName) && hasText(c)) out.push(Number(c.tagName.slice(1)));
      else if (c.tagName !== QA_TAG) walk(c);
    }
  };
  walk(root);
  return out;
}

function holdsQa(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.tagName === QA_TAG || holdsQa(c)));
}

/**
 * Turn each `<kb-qa>` pair into a heading over its answer: one level below the heading before it
 * (in reading order), a pair inside an answer one level below that answer's question. Headings in
 * an answer keep their order of levels below the question. A pair whose answer has no text is a
 * plain paragraph. JSON-LD pairs added at the end sit just below the page's title (or beside its
 * top headings when it has several). Returns the questions made headings.
 *
 * A run of pairs (the questions between two headings of the page) ends its last answer where its
 * markup does: text after the last pair (`还有疑问？请联系在线客服` after the accordion) is moved before
 * the first question, into the section of the heading above the pairs (unless the answers are only
 * "the element after the question", which a second paragraph may continue),
 * and a page heading after the run that would nest under the last question (an `<h3>` after
 * questions made `h2` under an `<h1>`) is moved up beside the questions, with the headings below it.
 */
export function qaItemsToHeadings(root: Root): string[] {
  const questions: string[] = [];
  const levels = headingLevels(root);
  const top = levels.length === 0 ? 0 : Math.min(...levels);
  const topDepth = top === 0 ? 1 : levels.filter((l) => l === top).length === 1 ? Math.min(6, top + 1) : top;
  /** The run of pairs since the last page heading: its depth, the first question, and the blocks after the widget that holds it. */
  let run:
    | {
        depth: number;
        first: { siblings: RootContent[]; heading: Element };
        /** Where the last pair stands, when nothing marks its answer (a second paragraph beside it may be more of it). */
        openAt: RootContent[] | undefined;
        after: { siblings: RootContent[]; node: Element }[];
      }
    | undefined;
  /** A page heading after a run that would have nested under its last question (level `from`) and the headings below it are raised by `by`. */
  let raise: { from: number; by: number } | undefined;
  const endRun = (): void => {
    for (const { siblings, node } of run?.after ?? []) {
      siblings.splice(siblings.indexOf(node), 1);
      const { siblings: to, heading } = run!.first;
      to.splice(to.indexOf(heading), 0, node);
    }
    run = undefined;
  };
  /** Rewrite `parent`'s children; returns the level of the last heading seen outside pairs. */
  const walk = (parent: Root | Element, base: number, shift: ((n: number) => number) | undefined): number => {
    const out: RootContent[] = [];
    let level = base;
    for (const c of parent.children) {
      if (!isElement(c)) {
        out.push(c);
        continue;
      }
      if (c.tagName === QA_TAG) {
        const [q, a] = c.children.filter(isElement);
        const question = q === undefined ? '' : visibleText(q).trim();
        const answer = a ?? { type: 'element', tagName: 'div', properties: {}, children: [] };
        if (question === '' || !hasText(answer)) {
          out.push({ type: 'element', tagName: 'p', properties: {}, children: q?.children ?? [] }, ...answer.children);
          continue;
        }
        if (c.properties['dataTop'] === 'true') endRun();
        const depth = c.properties['dataTop'] === 'true' ? topDepth : Math.min(6, level + 1);
        const heading: Element = { type: 'element', tagName: `h${depth}`, properties: {}, children: [{ type: 'text', value: question }] };
        if (q?.position !== undefined) heading.position = q.position;
        questions.push(question);
        const inner = headingLevels(answer);
        const min = inner.length === 0 ? 0 : Math.min(...inner);
        walk(answer, depth, (n) => Math.min(6, depth + 1 + n - min));
        out.push(heading, ...answer.children);
        if (shift === undefined) {
          run ??= { depth, first: { siblings: out, heading }, openAt: undefined, after: [] };
          run.after = [];
          run.openAt = c.properties['dataOpen'] === 'true' ? out : undefined;
        }
        continue;
      }
      if ((c.tagName === 'ul' || c.tagName === 'ol') && holdsQa(c)) {
        // a list of questions (`<ul class="faq"><li><details>…`): its items are blocks, or the
        // headings would be flattened into list items
        c.tagName = 'div';
        for (const li of c.children) if (isElement(li) && li.tagName === 'li') li.tagName = 'div';
      }
      if (HEADING.test(c.tagName) && hasText(c)) {
        const n = Number(c.tagName.slice(1));
        if (shift === undefined) {
          if (run !== undefined && n > run.depth) raise = { from: n, by: n - run.depth };
          else if (raise !== undefined && n < raise.from) raise = undefined;
          endRun();
        }
        const shifted = shift !== undefined ? shift(n) : raise === undefined ? n : n - raise.by;
        c.tagName = `h${shifted}`;
        level = shifted;
        walk(c, level, shift);
        out.push(c);
        continue;
      }
      if (shift === undefined && run !== undefined && !holdsQa(c) && headingLevels(c).length === 0) {
        // a block after the pairs' widget, not inside it: not part of the last answer
        if (run.openAt !== out && hasText(c)) run.after.push({ siblings: out, node: c });
        out.push(c);
        continue;
      }
      level = walk(c, level, shift);
      out.push(c);
    }
    parent.children = out as typeof parent.children;
    return level;
  };
  walk(root, 0, undefined);
  endRun();
  return questions;
}
