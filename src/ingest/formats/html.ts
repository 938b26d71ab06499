/**
 * HTML: rehype-parse → clean the hast tree → hast-util-to-mdast → blocks.
 *
 * Much support content is HTML pasted from Microsoft Word into a CMS. Cleaning removes what is
 * not content: scripts and styles, comments (Word's `<!--[if gte mso 9]><xml>…` blocks), Office
 * namespaced elements (`o:p`, `w:*`, `v:*`, `m:*`), navigation chrome (nav, page header/footer,
 * breadcrumbs), single-column layout tables (and one-row tables of text blocks set side by side),
 * and any Word CSS or settings that leaked as text. Cells merged across rows are repeated in each row.
 * Word marks headings with bold paragraphs and FAQ pages with `Q1：…`/`A1：…` paragraphs: those
 * are recovered as headings (see `mdastToBlocks` options).
 */
import type { Element, ElementContent, Parents, Root, RootContent } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { ok, warning, type Problem, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedBlock, ParsedDoc } from '../parsed.js';
import { addJsonLdQuestions, isHiddenContent, jsonLdFaq, markQaItems, qaItemsToHeadings } from './html-faq.js';
import { firstHeading, mdastToBlocks, tidyText } from './mdast-blocks.js';

/** Elements whose content is never document text. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'xml',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'map',
  'audio',
  'video',
]);

/** Office namespaces whose elements are markup, not text: o:p, w:WordDocument, v:shape, m:mathPr, x:ExcelWorkbook. */
const OFFICE_NS = /^(?:o|w|v|m|x|wx|wp|a|dt)$/iu;

function classTokens(el: Element): string[] {
  const value = el.properties['className'];
  const list: string[] = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? String(value).split(/\s+/u) : [];
  const id = el.properties['id'];
  if (typeof id === 'string') list.push(id);
  return list;
}

/**
 * Page furniture a shop's help page carries around the article: cookie and consent banners,
 * sidebars, "related" / "popular articles" boxes, newsletter and share widgets, announcement and
 * promotion bars (`promo-bar`, `promo-banner`, `promotional-strip`: "Black Friday Sale: up to 40% off … Shop now").
 */
const PAGE_FURNITURE = /(?:^|[-_])(?:cookies?|consent|gdpr|sidebar|newsletter|share|social|related|popular|announcement|promos?|promotions?|promotional)(?:$|[-_])/iu;

/**
 * Consent managers' banners, named by the product rather than by "cookie": OneTrust
 * (`onetrust-banner-sdk`, `ot-sdk-container`), Cookiebot (`CybotCookiebotDialog`), Didomi, Usercentrics,
 * TrustArc (`truste-consent-track`), Quantcast (`qc-cmp2-container`).
 */
const CONSENT_MANAGER = /^(?:onetrust|ot-sdk|optanon|cybot|cookiebot|didomi|usercentrics|truste|qc-cmp)/iu;

/**
 * What a help centre's article page puts around the article's text, inside the article itself
 * (Zendesk Guide, WordPress, Intercom): author, date and "Follow" lines (`article-meta`,
 * `article-author`, `meta-group`, `entry-meta`, `byline`), "Have more questions? Submit a request"
 * (`article-more-questions`), related and recently viewed article lists, comment threads.
 */
const ARTICLE_FURNITURE =
  /^(?:(?:article|post|entry)[-_](?:meta|author|subscribe|byline|more[-_]questions|relatives|comments?|share|sharing)|meta[-_](?:group|data)|byline|(?:related|popular|recent|recently[-_]viewed|similar)[-_](?:articles?|posts?|questions|topics|links)|recent[-_]activity|comments?[-_](?:section|list|form))$/iu;

/**
 * What a Chinese CMS (DedeCMS, PHPCMS, a shop's own) puts around a help page, by class outside the
 * page's main/article: the login/cart bar over the page (`top-bar`, `topbar`, `site-top`), a page
 * header or footer written as a div (`header`, `footer`, `foot`), the copyright line, the
 * 上一篇/下一篇 links (`prev-next`, `pre-next`, `page-turn`).
 */
const CMS_FURNITURE =
  /^(?:top[-_]?bar|top[-_]?nav|site[-_]?(?:top|header|footer)|header|footer|foot|copy[-_]?right|prev[-_]?next|pre[-_]?next|prev[-_]?page|next[-_]?page|page[-_]?turn|turn[-_]?page)$/iu;

/** The labels of a CMS article's metadata line: 发布时间：… 浏览次数：… 来源：… 【打印】【关闭】. */
const CMS_META_LABEL = /(?:发布|发表|更新|录入|添加|修改)(?:时间|日期)\s*[:：]|(?:浏览|点击|阅读|访问|查看)(?:次数|数|量)\s*[:：]|(?:来源|作者|编辑|责任编辑)\s*[:：]|【\s*(?:打印|关闭|收藏|返回顶部)(?:本页|窗口|此页)?\s*】|字[号体]\s*[:：]?\s*【?[大中小]】?/gu;
/** A page's legal footer line: copyright, 版权所有, an ICP or 公安 filing number. */
const COPYRIGHT_LINE = /ICP[备證证]|公网安备|版权所有|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all rights reserved/iu;
/** The longest block read as such a line (a paragraph of policy that mentions 版权 is not one). */
const CMS_LINE_CHARS = 160;

/**
 * A short block that is CMS furniture whatever its class, anywhere on the page: the metadata line
 * (two of 发布时间 / 浏览次数 / 来源 / 【打印】 …), the 上一篇：… / 下一篇：… links, and the copyright
 * or ICP filing line. Made part of a section, each would end the last article's answer.
 */
function isCmsLine(el: Element): boolean {
  if (!/^(?:p|div|span|li|dd|dt)$/u.test(el.tagName)) return false;
  const text = shortTextOf(el, CMS_LINE_CHARS)?.replace(/\s+/gu, ' ').trim();
  // one line: a block around others (the article's wrapper with its metadata line in it) is not
  if (text === undefined || text === '' || hasBlockInside(el)) return false;
  if (/^(?:您的|您现在的|当前|所在)(?:位置|位置是)\s*[:：]/u.test(text)) return true;
  const labels = new Set((text.match(CMS_META_LABEL) ?? []).map((l) => l.replace(/[\s:：【】]/gu, '')));
  if (labels.size >= 2) return true;
  if (/^(?:上一(?:篇|条|页)|下一(?:篇|条|页))\s*[:：]/u.test(text)) return /^(?:(?:上一|下一)(?:篇|条|页)\s*[:：][^:：]*?)+$/u.test(text);
  return COPYRIGHT_LINE.test(text) && !/[。；]/u.test(text);
}

/** An element's text when it has at most `max` characters besides spaces, else undefined — without reading the rest of a long one (the check runs on every element of a page). */
function shortTextOf(el: Element, max: number): string | undefined {
  let text = '';
  let letters = 0;
  const walk = (node: ElementContent): boolean => {
    if (node.type === 'text') {
      text += node.value;
      letters += node.value.replace(/\s/gu, '').length;
      return letters <= max;
    }
    return node.type !== 'element' || node.children.every(walk);
  };
  return el.children.every(walk) ? text : undefined;
}

const BLOCK_TAGS = /^(?:p|div|h[1-6]|ul|ol|li|table|section|article|dl|blockquote|pre|form)$/u;
function hasBlockInside(el: Element): boolean {
  return el.children.some((c) => c.type === 'element' && (BLOCK_TAGS.test(c.tagName) || hasBlockInside(c)));
}

/** A dialog that asks for cookie consent (`<div role="dialog" aria-label="Cookie banner">`). */
function isConsentDialog(el: Element): boolean {
  const role = el.properties['role'];
  if (role !== 'dialog' && role !== 'alertdialog' && role !== 'region') return false;
  const label = el.properties['ariaLabel'];
  return typeof label === 'string' && /cookie|consent|privacy/iu.test(label);
}

/** Navigation chrome: breadcrumbs, nav bars, skip links; outside article/main also asides, banners and sidebars. */
function isChrome(el: Element, inContent: boolean): boolean {
  if ((el.tagName === 'header' || el.tagName === 'footer' || el.tagName === 'aside') && !inContent) return true;
  if (el.properties['role'] === 'navigation') return true;
  // hidden from screen readers: an icon or a decoration, unless it is a closed tab or accordion panel
  if (el.properties['ariaHidden'] === 'true' && !isHiddenContent(el)) return true;
  if (!inContent && (el.properties['role'] === 'complementary' || el.properties['role'] === 'banner' || el.properties['role'] === 'contentinfo')) return true;
  const tokens = classTokens(el);
  if (!inContent && tokens.some((t) => PAGE_FURNITURE.test(t))) return true;
  if (!inContent && (isConsentDialog(el) || tokens.some((t) => CONSENT_MANAGER.test(t)))) return true;
  if (tokens.some((t) => ARTICLE_FURNITURE.test(t))) return true;
  if (!inContent && tokens.some((t) => CMS_FURNITURE.test(t))) return true;
  if (isCmsLine(el)) return true;
  // and anywhere: skip links, and help centres' "Was this article helpful? Yes No" vote widgets
  if (tokens.some((t) => /bread|^(?:nav|navbar|navigation|site-nav|skip-link|sidebar-nav|toc-nav)$|^skip[-_]|(?:^|[-_])(?:votes?|helpful(?:ness)?)(?:$|[-_])/iu.test(t))) return true;
  // and a "Return to top" / "Back to top" link (Zendesk's `article-return-to-top`), by its class or its text
  if (tokens.some((t) => TO_TOP.test(t))) return true;
  return isVoteWidget(el) || isLinkBox(el) || isToTopLink(el);
}

/** A class or id of a link back to the top of the page: `article-return-to-top`, `back-to-top`, `scrollToTop`. */
const TO_TOP = /(?:back|return|scroll|go)[-_]?to[-_]?top/iu;

/** A link to an anchor of the page whose whole text says "to the top": Return to top, Back to top ↑, 返回顶部. */
function isToTopLink(el: Element): boolean {
  const href = el.properties['href'];
  if (el.tagName !== 'a' || typeof href !== 'string' || !href.trim().startsWith('#')) return false;
  const text = textOf(el).replace(/[\s\u00A0]+/gu, ' ').trim();
  return /^(?:(?:back|return|go|scroll) to (?:the )?top(?: of (?:the )?page)?|top of page|返回顶部|回到顶部)\W*$/iu.test(text);
}

/** The longest question and button label a vote widget has: 这篇文章有帮助吗？, Was this answer helpful to you? / 是, Yes, 👍 12. */
const VOTE_QUESTION_CHARS = 40;
const VOTE_BUTTON_CHARS = 8;

/**
 * A "这篇文章有帮助吗？ 是 否" widget whatever its class (`feedback`, `rate-box`, none): one short
 * question and nothing else but two or more short buttons, none of them an accordion's toggle. Its
 * buttons are dropped anyway; its question would end every answer of the page.
 */
function isVoteWidget(el: Element): boolean {
  const buttons: string[] = [];
  let rest = '';
  let letters = 0;
  // false as soon as the element can be no vote widget: the check runs on every element of a page,
  // and read each one's whole subtree (a page's wrapper read the page, and so did each div inside it)
  const walk = (node: ElementContent): boolean => {
    if (node.type === 'text') {
      rest += node.value;
      letters += [...node.value.replace(/\s/gu, '')].length;
      return letters <= VOTE_QUESTION_CHARS;
    }
    if (node.type !== 'element') return true;
    if (node.tagName === 'button' || node.properties['role'] === 'button') {
      // an accordion's toggle (aria-expanded, aria-controls) opens an answer: its question is no vote
      if (node.properties['ariaExpanded'] !== undefined || node.properties['ariaControls'] !== undefined) return false;
      const label = textOf(node).trim();
      buttons.push(label);
      return [...label].length <= VOTE_BUTTON_CHARS;
    }
    return node.children.every(walk);
  };
  if (!el.children.every(walk)) return false;
  const question = rest.replace(/\s+/gu, ' ').trim();
  // (two answers at least, 是 / 否, 👍 / 👎: one short button beside a question is an accordion's + or 展开)
  return buttons.length >= 2 && [...question].length <= VOTE_QUESTION_CHARS && /[?？]$/u.test(question);
}

/**
 * A box of links under a heading (相关文章, Related articles, 热门问题) whatever its class: a heading
 * and at least two links to pages (not tel: or mailto:), and no text outside them. Made an entry, its answer would be the titles
 * of other pages.
 */
function isLinkBox(el: Element): boolean {
  if (el.tagName !== 'section' && el.tagName !== 'div' && el.tagName !== 'aside') return false;
  let links = 0;
  let heading = false;
  let loose = false;
  const walk = (node: ElementContent): void => {
    if (loose) return;
    if (node.type === 'text') loose = node.value.trim() !== '';
    else if (node.type === 'element') {
      if (node.tagName === 'a') {
        // a phone number or an address to write to is what the box says (联系我们: 400-…, service@…)
        const href = node.properties['href'];
        if (typeof href === 'string' && /^\s*(?:tel|mailto|sms):/iu.test(href)) loose = true;
        else if (hasText(node)) links += 1;
      } else if (/^h[1-6]$/u.test(node.tagName)) heading = true;
      else for (const child of node.children) walk(child);
    }
  };
  for (const child of el.children) walk(child);
  return heading && links >= 2 && !loose;
}

function isBoldStyle(el: Element): boolean {
  const style = el.properties['style'];
  return typeof style === 'string' && /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/iu.test(style);
}

/**
 * The heading level Word gave a paragraph it exported as `<p style="mso-outline-level:3">`: its
 * outline level is the document's heading level, whatever the paragraph looks like.
 */
function outlineLevel(el: Element): number | undefined {
  const style = el.properties['style'];
  const m = typeof style === 'string' ? /mso-outline-level\s*:\s*([1-6])\b/iu.exec(style) : null;
  return m ? Number(m[1]) : undefined;
}

function textOf(node: RootContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

function hasText(node: RootContent | Root): boolean {
  return textOf(node).replace(/[\s\u00A0\u200B\uFEFF]/gu, '') !== '';
}

function childElements(el: Element, names: readonly string[]): Element[] {
  return el.children.filter((c): c is Element => c.type === 'element' && names.includes(c.tagName));
}

function tableRowsOf(table: Element): Element[] {
  const rows = childElements(table, ['tr']);
  for (const group of childElements(table, ['thead', 'tbody', 'tfoot'])) rows.push(...childElements(group, ['tr']));
  return rows;
}

/** The positive integer in a `rowSpan`/`colSpan` property, else 1. */
function span(el: Element, name: 'rowSpan' | 'colSpan'): number {
  const n = Number(el.properties[name]);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/**
 * Repeat a cell that spans rows (Word's vertically merged cells: `家电` over its two rows) in each row
 * it covers, so that every row reads whole (`家电 | 15天质量问题换货 | 商家承担`, not ` | 15天…`).
 */
function fillRowSpans(table: Element): void {
  const pending = new Map<number, { cell: Element; left: number }>();
  for (const row of tableRowsOf(table)) {
    const out: ElementContent[] = [];
    let col = 0;
    const flush = (until: number): void => {
      for (let p = pending.get(col); p !== undefined && col < until; p = pending.get(col)) {
        out.push(structuredClone(p.cell));
        p.left--;
        if (p.left === 0) pending.delete(col);
        col += span(p.cell, 'colSpan');
      }
    };
    for (const child of row.children) {
      if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) {
        out.push(child);
        continue;
      }
      flush(Number.POSITIVE_INFINITY);
      out.push(child);
      const rows = span(child, 'rowSpan');
      if (rows > 1) {
        pending.set(col, { cell: child, left: rows - 1 });
        child.properties = { ...child.properties, rowSpan: undefined };
      }
      col += span(child, 'colSpan');
    }
    flush(Number.POSITIVE_INFINITY);
    row.children = out;
  }
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => c.type === 'element' && (c.tagName === 'table' || containsTable(c)));
}

/**
 * A table used for layout, not data: every row has at most one cell with text (Word pastes a
 * question and its answer as a one-column table), or it holds another table.
 * Returns the cells whose content should take its place, or undefined for a data table.
 */
function layoutCells(table: Element): Element[] | undefined {
  const rows = tableRowsOf(table);
  const cells = rows.map((r) => childElements(r, ['td', 'th']));
  const nested = cells.some((row) => row.some(containsTable));
  const oneColumn = cells.every((row) => row.filter(hasText).length <= 1);
  // one row of cells each holding several paragraphs: blocks of text set side by side (Word)
  const sideBySide = cells.length === 1 && (cells[0] ?? []).some((c) => childElements(c, ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol']).length > 1);
  if (!nested && !oneColumn && !sideBySide) return undefined;
  return cells.flat().filter(hasText);
}

/** Word CSS that reached the text: `/* Style Definitions *\/ table.MsoNormalTable {mso-style-name:…}`. */
const CSS_COMMENT = /\/\*[\s\S]*?\*\//gu;
const CSS_RULE = /[A-Za-z0-9_.#:*@>,\s-]*\{[^{}]*\}/gu;
const CSS_SIGN = /mso-[a-z-]+\s*:|Style Definitions|\{[^{}]*[a-z-]+\s*:[^{}]*;[^{}]*\}/iu;
/** Word document settings that reached the text: `Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE`. */
const WORD_SETTING_TOKEN = /^(?:Normal|false|true|[\d.]+|[\d.]*磅|[\d.]*pt|[A-Z]{2}-[A-Z]{2}|X-NONE|MicrosoftInternetExplorer4|DocumentNotSpecified)$/u;
const LEAKED_CONDITIONAL = /<!--\[if[^\]]*\]>|<!\[endif\]-->|<!\[if[^\]]*\]>|<!\[endif\]>/giu;

/** Remove Word residue from a piece of text; '' when nothing but residue is left. */
export function removeWordResidue(text: string): string {
  let out = text.replace(LEAKED_CONDITIONAL, ' ');
  if (CSS_SIGN.test(out)) out = out.replace(CSS_COMMENT, ' ').replace(CSS_RULE, ' ');
  const tokens = out.trim().split(/\s+/u);
  if (tokens.length >= 3 && tokens.every((t) => WORD_SETTING_TOKEN.test(t)) && tokens.some((t) => /[a-z]/iu.test(t))) return '';
  // a run of such settings at the start of real text
  out = out.replace(/^(?:Normal\s+\d+\s+)(?:\S+\s+){0,12}?X-NONE\s*/u, '');
  return out;
}

interface CleanContext {
  /** Inside article/main: header and footer there belong to the content. */
  inContent: boolean;
  /** Inside pre/code: text is kept as it is. */
  inCode: boolean;
}

/**
 * A form around the page's content, not a form to fill in: ASP.NET WebForms pages wrap the whole
 * body in one `<form>`. It holds a heading or the page's main/article; its controls are still dropped.
 */
function wrapsContent(form: Element): boolean {
  return form.children.some((c) => c.type === 'element' && (/^(?:h[1-6]|main|article)$/u.test(c.tagName) || wrapsContent(c)));
}

function cleanText(value: string, ctx: CleanContext): string {
  if (ctx.inCode) return value;
  // zero-width characters; keep no-break spaces, mdastToBlocks turns them into spaces after joining wraps
  return value.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, '');
}

/**
 * An image that shows the customer nothing to keep in an answer: a tracking pixel or an icon (width or height
 * of 32 or less), a hidden one, or one marked decorative (`alt=""`, HTML's mark for it) inside a line of text
 * (a picture the answer shows stands on its own line, or has alt text; `见下图：<img src>` with no alt is kept).
 * Before the review of 2026-11-27 their addresses were written into the answer (`/icons/tip.png 先把挂架…`,
 * `…联系客服。https://t.example.com/pixel.gif`).
 */
function decorativeImage(img: Element, parent: Parents): boolean {
  const size = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v) : Number.NaN);
  const { width, height, alt, style } = img.properties;
  if (size(width) <= 32 || size(height) <= 32) return true;
  if (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(style)) return true;
  // (text beside it in its line: a text node or an inline element with text, not a block below it)
  const inLine = parent.children.some((c) => c !== img && (c.type === 'text' || (c.type === 'element' && INLINE.has(c.tagName))) && hasText(c));
  return typeof alt === 'string' && alt.trim() === '' && inLine;
}

/** Elements that sit inside a line of text. */
const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'u', 'font', 'small', 'big', 'sup', 'sub', 'mark', 'label', 'code']);

function cleanChildren(parent: Parents, ctx: CleanContext): void {
  const out: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type === 'text') {
      child.value = cleanText(child.value, ctx);
      if (child.value !== '') out.push(child);
      continue;
    }
    if (child.type !== 'element') continue;
    const tag = child.tagName.toLowerCase();
    const colon = tag.indexOf(':');
    if (colon > 0) {
      // Office markup is dropped; other namespaced elements (Word smart tags st1:…) keep their text
      if (OFFICE_NS.test(tag.slice(0, colon))) continue;
      cleanChildren(child, ctx);
      out.push(...child.children);
      continue;
    }
    if ((DROP.has(tag) && !(tag === 'form' && wrapsContent(child))) || isChrome(child, ctx.inContent)) continue;
    if (tag === 'img' && decorativeImage(child, parent)) continue;
    if (tag === 'table') {
      const cells = layoutCells(child);
      if (cells === undefined) fillRowSpans(child);
      if (cells !== undefined) {
        for (const cell of cells) {
          const div: Element = { type: 'element', tagName: 'div', properties: {}, children: cell.children };
          if (cell.position !== undefined) div.position = cell.position;
          cleanChildren(div, ctx);
          out.push(div);
        }
        continue;
      }
    }
    const level = tag === 'p' || tag === 'div' ? outlineLevel(child) : undefined;
    if (level !== undefined && hasText(child)) child.tagName = `h${level}`;
    else if ((tag === 'span' || tag === 'font') && isBoldStyle(child)) child.tagName = 'strong';
    else if ((tag === 'p' || tag === 'div') && isBoldStyle(child)) {
      child.children = [{ type: 'element', tagName: 'strong', properties: {}, children: child.children as ElementContent[] }];
    }
    const inner: CleanContext = {
      inContent: ctx.inContent || tag === 'article' || tag === 'main',
      inCode: ctx.inCode || tag === 'pre' || tag === 'code',
    };
    cleanChildren(child, inner);
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

function findTitle(node: Root | RootContent): string | undefined {
  if (node.type === 'element') {
    if (node.tagName === 'svg') return undefined;
    if (node.tagName === 'title') return tidyText(textOf(node));
  }
  if (node.type === 'element' || node.type === 'root') {
    for (const child of node.children) {
      const t = findTitle(child);
      if (t !== undefined && t !== '') return t;
    }
  }
  return undefined;
}

const DOCUMENT_MARKERS = /<!doctype|<html[\s>]|<head[\s>]|<body[\s>]/iu;

/** Outside the page's content for the FAQ reader: dropped elements (but buttons, which accordions open with) and chrome. */
function outsideContent(el: Element, inContent: boolean): boolean {
  return (DROP.has(el.tagName) && el.tagName !== 'button' && el.tagName !== 'form') || isChrome(el, inContent);
}

/** What `htmlToMdast` found besides the tree. */
export interface HtmlRead {
  tree: MdastRoot;
  title: string | undefined;
  /** The questions of FAQ structures (details, dl, accordions, tabs, microdata, JSON-LD), now headings. */
  questions: string[];
  /** JSON-LD blocks that are not valid JSON: their line and the parser's message. */
  jsonLdErrors: { line: number | undefined; message: string }[];
}

/**
 * Parse and clean HTML into mdast (exported for the DOCX and Markdown adapters and for tests).
 * `inContent`: all of it is the document's content (HTML inside Markdown), so a `header`, `footer`
 * or `aside` in it, or a class such as `sidebar`, is not page furniture.
 */
export function htmlToMdast(html: string, { inContent = false }: { inContent?: boolean } = {}): HtmlRead {
  const fragment = !DOCUMENT_MARKERS.test(html);
  const hast = unified().use(rehypeParse, { fragment }).parse(html);
  const title = findTitle(hast);
  const ld = jsonLdFaq(hast);
  markQaItems(hast, (el, inside) => outsideContent(el, inside || inContent));
  addJsonLdQuestions(hast, ld.questions);
  cleanChildren(hast, { inContent, inCode: false });
  const questions = qaItemsToHeadings(hast);
  const mdast = toMdast(hast, { newlines: true });
  const tree: MdastRoot = mdast.type === 'root' ? mdast : { type: 'root', children: [] };
  return { tree, title, questions, jsonLdErrors: ld.errors };
}

/**
 * The page's own title when `<title>` is it plus the site's name (`Shipping & Delivery | Brightbox
 * Store`, `Brightbox - Shipping & Delivery`): the part that equals the page's h1. Otherwise the
 * `<title>` as it is.
 */
export function pageTitle(title: string, h1: string | undefined): string {
  const key = (s: string): string => s.trim().toLowerCase().replace(/\s+/gu, ' ');
  if (h1 !== undefined && key(title) === key(h1)) return title;
  const parts = title.split(/\s+(?:[|·•:»>~–—-]{1,2})\s+/u);
  if (h1 !== undefined && parts.length > 1 && parts.some((p) => key(p) === key(h1))) return h1;
  // a page of several articles, none of them the title: the part that is not the help site's name
  // (`Orders, Payments & Your Account – Hearth & Thread Help Centre`)
  if (parts.length === 2) {
    const site = parts.findIndex((p) => HELP_SITE.test(p.trim()));
    const page = parts[1 - site];
    if (site >= 0 && page !== undefined && !HELP_SITE.test(page.trim())) return page.trim();
  }
  // a Chinese CMS's title: the page, its section and the shop, in any order (帮助中心 - 售后政策 -
  // 优家居官方旗舰店, 送货安装说明_帮助中心_美居家电商城): the one part that is no site or section name
  const cms = title.split(/\s*_\s*|\s+[|·•»>~–—-]{1,2}\s+/u).map((p) => p.trim()).filter((p) => p !== '');
  const pages = cms.filter((p) => !ZH_SITE_PART.test(p));
  if (cms.length > 1 && pages.length === 1 && pages[0] !== undefined && /\p{Script=Han}/u.test(pages[0])) return pages[0];
  return title;
}

/** What names a Chinese shop's site or a section of it in a page title: 帮助中心, 客服中心, 官方旗舰店, 商城, 官网. */
const ZH_SITE_PART = /(?:帮助中心|客服中心|服务中心|用户中心|会员中心|帮助|旗舰店|专卖店|商城|官网|官方网站|网上商城|首页)$/u;

/** A help site's name as page titles end or start with it: `Brightbox Help Center`, `Acme Support`, `Shop FAQs` (a name, then the word: not `Help` alone). */
const HELP_SITE = /^\S.*\s(?:help\s*(?:cent(?:re|er)|desk)?|support(?:\s+(?:cent(?:re|er)|site|portal))?|customer\s+(?:service|care)|knowledge\s*base|faqs?)$/iu;

/** Mark the headings made from FAQ markup: questions however they are written (退款多久到账), or tab labels. */
export function markQuestions(blocks: readonly ParsedBlock[], questions: readonly string[]): void {
  const asked = new Set(questions.map((q) => q.replace(/\s+/gu, ' ').trim()));
  for (const b of blocks) if (b.kind === 'heading' && asked.has(b.text.replace(/\s+/gu, ' ').trim())) b.question = true;
}

/** Read an HTML page into blocks: see the module comment and html-faq.ts for its FAQ structures. */
export function parseHtml(html: string, options: ParseOptions): Result<ParsedDoc> {
  const { tree, title, questions, jsonLdErrors } = htmlToMdast(html);
  const blocks = mdastToBlocks(tree, { splitBreaks: true, boldHeadings: true, faq: true, cleanText: removeWordResidue, images: true });
  markQuestions(blocks, questions);
  const warnings: Problem[] = jsonLdErrors.map((e) =>
    warning('unreadable', `has a JSON-LD block (<script type="application/ld+json">) that is not valid JSON (${e.message}); its FAQ questions, if any, are not read — fix the JSON`, {
      file: options.file,
      ...(e.line === undefined ? {} : { location: { line: e.line } }),
    }),
  );
  const doc: ParsedDoc = { blocks, warnings };
  // a page without <title> is named by its first heading, not by the first question of its FAQ
  const skip = new Set(questions);
  const stated = title !== undefined && title !== '' ? pageTitle(title, firstHeading(tree, [1], skip)) : firstHeading(tree, [1, 2], skip);
  if (stated !== undefined && stated !== '') doc.title = stated;
  return ok(doc);
}
