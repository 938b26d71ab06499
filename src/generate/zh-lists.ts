/**
 * Questions from a Chinese list under an intro that says what its items lead to (`zhListQuestions`,
 * rule list-item): 有下列情形之一的，当事人可以解除合同：（一）因不可抗力… → 因不可抗力…，当事人可以解除合同吗？
 */
import { shorten, withoutItemMarker } from './text.js';
import { ZH_LEADING, clean } from './zh-words.js';

/** A line that introduces a list: `有下列情形之一的，当事人可以解除合同：`. */
const ZH_LIST_INTRO = /(?:下列|以下|如下)[^：:]*[：:]$/u;

const ZH_LIST_ITEM = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．)]|[一二三四五六七八九十]+、)\s*(.+)$/u;

/** An intro that says what its items are (下列情况不属于免费保修范围, 下列商品不适用七日无理由退货规定): what it says of them. */
const ZH_LIST_SAYS = /^(?:下列|以下|如下)[^，]{0,6}?(?:情况|情形|商品|行为|原因)(?:之一)?的?((?:不|并不|均不)?(?:属于|适用|享受|支持|提供|包括)[^，]{2,16})$/u;

/** At most this many items of one list become questions. */
const MAX_LIST_ITEMS = 4;

/**
 * What a list's items lead to, from its intro line: the main clause after the last `…的，`
 * (有下列情形之一的，当事人可以解除合同 → 当事人可以解除合同), or before `但是…除外`
 * (对方可以请求履行，但是有下列情形之一的除外 → 对方可以请求履行). Undefined when the intro says
 * nothing the items would lead to (合同的内容一般包括下列条款).
 */
function zhListMain(intro: string): { subject: string; main: string; direct?: boolean } | undefined {
  const body = clean(withoutItemMarker(intro.trim())).replace(/[：:]$/u, '');
  const except = /^(.{2,40}?)[，,](?:但是|但)[^，]*下列[^，]*除外$/u.exec(body);
  if (except?.[1] !== undefined) return { subject: '', main: except[1].replace(/^.*[，,]/u, '') };
  const clauses = body.split(/[，,]/u);
  const listAt = clauses.findIndex((c) => /下列|以下|如下/u.test(c));
  // 下列商品不适用七日无理由退货规定：… — the intro says it of the items itself: 消费者定作的商品适用七日无理由退货规定吗？
  const itself = ZH_LIST_SAYS.exec(clauses[listAt] ?? '')?.[1];
  if (listAt === clauses.length - 1 && itself !== undefined && /^(?:不|并不|均不)/u.test(itself) && clauses.length === 1) return { subject: '', main: itself.replace(/^(?:不|并不|均不)/u, ''), direct: true };
  if (listAt < 0 || listAt === clauses.length - 1) return undefined;
  const main = clauses.slice(listAt + 1).join('，').replace(/^(?:造成[^，]*的[，,]?)/u, '');
  if (main.length < 2 || /下列|以下|如下/u.test(main)) return undefined;
  // 下列情况不属于免费保修范围，但可以提供收费维修: what the items are is said of them before 但 (人为损坏属于免费保修范围吗？,
  // was 人为损坏：包括摔落…，但可以提供收费维修吗？); a 不 goes, the customer asks whether it is
  const said = ZH_LIST_SAYS.exec(clauses[listAt] ?? '')?.[1];
  if (said !== undefined && /^(?:但是|但)/u.test(main)) return { subject: '', main: said.replace(/^(?:不|并不|均不)/u, ''), direct: true };
  // who the items are about, when the intro names them first: 生产者能够证明有下列情形之一的 → 生产者能够证明
  const before = /^(.*?)有?(?:下列|以下|如下)/u.exec(clauses[listAt] ?? '')?.[1] ?? '';
  const subject = before.length >= 2 && before.length <= 10 ? before.replace(ZH_LEADING, '') : '';
  return { subject, main: main.replace(/^(?:应当|应)/u, '要') };
}

/**
 * The items of a list under an intro that says what they lead to, each with that consequence:
 * `有下列情形之一的，当事人可以解除合同：（一）因不可抗力致使不能实现合同目的；` →
 * 因不可抗力致使不能实现合同目的，当事人可以解除合同吗？ The items are the situations people
 * ask about; the intro alone (下列情形之一) names none.
 */
export function zhListQuestions(text: string): string[] {
  const lines = text.split(/\n/u).map((l) => l.trim());
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!ZH_LIST_INTRO.test(line)) return;
    const intro = zhListMain(line.split(/[。；]/u).pop() ?? line);
    if (intro === undefined) return;
    for (const next of lines.slice(i + 1, i + 1 + MAX_LIST_ITEMS)) {
      const item = ZH_LIST_ITEM.exec(next)?.[1];
      if (item === undefined) break;
      // the nominalizing 的 of 未将产品投入流通的 goes; the 的 of 目的 stays
      // 人为损坏：包括摔落、挤压…: the item's label is what a customer names
      const labelled = /^([^：:，,。]{2,10})[：:]\S/u.exec(clean(item))?.[1];
      const situation = labelled ?? shorten(clean(item).replace(/(?<![目有别其])的$/u, ''), 40);
      // the catch-all last item (法律规定的其他情形) names no situation
      if (situation.length >= (labelled === undefined ? 4 : 2) && !/其他[^，]{0,6}(?:情形|情况|行为|事项)$/u.test(situation)) out.push(`${intro.subject}${situation}${intro.direct === true ? '' : '，'}${intro.main}吗？`);
    }
  });
  return out;
}
