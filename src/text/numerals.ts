/** Chinese numerals, for Word's list numbering (src/ingest/formats/docx-xml.ts) and for counts customers type in digits (src/analyze/chat.ts). */

/** The digits 0–9 in Chinese: 零 一 二 … 九. */
export const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 一, 10 十, 12 十二, 20 二十, 105 一百零五 (Word's chineseCounting / chineseCountingThousand). */
export function chineseCounting(n: number, digits = CN, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  if (n < 20 && n >= 10 && digits === CN) return `十${n === 10 ? '' : digits[n - 10]}`;
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i] ?? '';
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out !== '') out += digits[0];
    zero = false;
    out += (digits[d] ?? '') + unit;
  });
  return out;
}
