/**
 * What text a heading made by its look alone (bold or larger type, no style or tag) can have: the
 * DOCX pass (docx-look.ts) and the PDF adapter (bold body-size lines) share it.
 */

/** Longest heading by look (characters); Latin-only text may be twice as long. */
export const MAX_LOOK_HEADING = 40;

/** Ends like a sentence or a clause: not a heading (a colon is fine: `退款说明：`). */
const SENTENCE_END = /(?:[。．！？!?；;，,、…]|[A-Za-z]\.)$/u;
const QA_LABEL = /^(?:Q|Ｑ|问题?|問題?|Question|A|Ａ|答|回答|Answer)\s*\d{0,3}\s*[.．、]?\s*[:：]/iu;
const WARNING_LINE = /^(?:注意|提示|温馨提示|特别提示|重要提示|特别说明|警告|备注|注|Note|Notice|Warning|Caution|Important|Tip)\s*[:：]\s*\S/iu;

/** Whether a paragraph's (or a PDF line's) text can be a heading (short, not a sentence, not a Q&A line or a warning). */
export function headingText(text: string): boolean {
  const t = text.trim();
  const chars = [...t].length;
  const latin = !/[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(t);
  if (chars === 0 || chars > (latin ? 2 * MAX_LOOK_HEADING : MAX_LOOK_HEADING)) return false;
  if (SENTENCE_END.test(t) || /[，；]|[,;]\s/u.test(t)) return false;
  if (!/[\p{L}]/u.test(t)) return false;
  if (QA_LABEL.test(t) || WARNING_LINE.test(t)) return false;
  // `地址：上海市…6666号`, `电话：400-…`: a field, not a title
  return !(/^[^：:]{1,10}[：:]\s*\S/u.test(t) && /[\d@]|www\./iu.test(t));
}

