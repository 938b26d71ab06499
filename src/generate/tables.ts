/**
 * Questions from a section's tables, both languages (`tableQuestions`, rule table-row): each row of
 * a data table asks what the header names, by the column's kind — a fee, a time, a price, a
 * duration, yes or no (配送方式 | 时效 | 运费 → 顺丰快递的运费是多少？; Option | Fee → How much is Express
 * delivery?) — and a size chart asks one question a row naming every measure (连衣裙S码的胸围、腰围是多少？).
 */
import { interleave, lowerFirst } from './text.js';
import { EN_FREE_OVER, EN_TIME } from './en-content.js';
import { verbFirst } from './en-phrasing.js';

/** At most this many rows of one table become questions. */
const MAX_TABLE_ROWS = 8;

const FEE_HEADER = /费|价|钱|金额|收费|fee|cost|price|charge/iu;

/** A column that names who bears something (运费承担方, 费用承担, 责任方): asked who, not how much (商品质量问题的运费由谁承担？, was …的运费承担方是多少？). */
const WHO_BEARS_HEADER = /^(\p{Script=Han}*?)(?:的)?(?:承担方|承担人|承担者|负担方|支付方|付款方|责任方|由谁承担|谁承担|谁来承担|谁出|谁付|承担)$/u;
/** A party before 承担 (买家承担, 卖家承担 as columns): the column already says who; its cells say what they bear. */
const BEARING_PARTY = /^(?:买家|卖家|商家|店铺|本店|平台|商城|厂家|品牌方|客户|顾客|消费者|用户|会员|我们|我方|快递|快递公司|物流公司|承运商)$/u;

/** A first column that names where a parcel goes: 配送地区, 送货范围, Destination. */
const PLACE_HEADER = /^(?:配送|送货|收货|派送|寄送)?(?:地区|区域|范围|地点|城市|省份|目的地)$|^(?:region|area|zone|destination|country|delivery\s+area)$/iu;

/** A time column that names what happens: 到账时间, 发货时效. */
// (and an estimate of it: 预计到货时间, 预估送达时间)
const ARRIVAL_HEADER = /^(?:预计|预估|预期|参考)?(到账|到货|送达|发货)(?:时间|时效)$/u;

const TIME_HEADER = /时效|时间|时长|天数|工作日|多久|time|days|duration|delivery\s+window/iu;

/** A column that answers yes or no (是否需要退回, 是否包邮, 能否退换): asked as its own question of each row. */
/**
 * A row label that is only an amount (10%以下, 10%-50%, 99元以上, 1-3斤): it names nothing without its column's
 * heading, which is put before it (坏果占比 | 10%以下 → 坏果10%以下需要寄回吗？, was 10%以下需要寄回吗？; 10%-50% was
 * asked nothing).
 */
const AMOUNT = String.raw`\d+(?:\.\d+)?\s*(?:%|％|元|块|斤|克|g|kg|公斤|千克|件|个|天|小时|cm|厘米)?`;
const AMOUNT_LABEL = new RegExp(`^(?:[<>≤≥＜＞]|满|不足|超过|低于|高于)?\\s*${AMOUNT}(?:\\s*[-~～—–至]\\s*${AMOUNT})?\\s*(?:及?以下|及?以上|以内|之间)?$`, 'iu');
/** What an amount's column heading measures, without the word for a share (坏果占比 → 坏果). */
const AMOUNT_OF = /^(\p{Script=Han}{2,8}?)(?:占比|比例|比率|范围|区间)?$/u;

const YES_NO_HEADER = /^(是否|能否|可否)(\p{Script=Han}[\p{Script=Han}\w]{0,11})$/u;

/**
 * A cell that says there is nothing: empty, n/a, none, –, 不适用 (PowerCube charger | 2 years | n/a asked
 * its battery). Not 无: 运费 | 无 answers how much.
 */
const EMPTY_CELL = /^(?:n\/?a|none|nil|[-–—\/]|不适用)?$/iu;

/** A duration as a cell gives it: 1 year, 6 months, 90 days, 3–5 business days. */
const DURATION_CELL = /^(?:up\s+to\s+|within\s+)?\d+(?:\s*[-–]\s*\d+)?\s+(?:(?:business|working|calendar)\s+)?(?:hours?|days?|weeks?|months?|years?)$/iu;

/** A duration as a Chinese cell gives it: 1年, 6个月, 3-5个工作日, 三年. */
const ZH_DURATION_CELL = /^(?:\d+(?:\s*[-–~至]\s*\d+)?|[一二三四五六七八九十两半]+)\s*(?:个)?(?:小时|个工作日|工作日|天|日|周|个月|月|年)$/u;

/** A label in sentence case (Home delivery, Express next day) as it reads inside a question: lower-cased. */
function inSentence(label: string): string {
  // (also with a hyphen or a number after the first word: Each additional haul-away piece, Storage after 30 days —
  // they asked How much is Each additional haul-away piece?)
  return /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*(?:\s+(?:\p{Ll}[\p{Ll}'’]*(?:-\p{Ll}+)*|\d+))+$/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The cells of column `i` after the label that rows fill. */
function filledCells(rows: readonly (readonly string[])[], i: number): string[] {
  return rows.map((r) => (r[i + 1] ?? '').trim()).filter((c) => !EMPTY_CELL.test(c));
}

/** Does column `i` after the label hold durations (1 year, 6 months, n/a; 1年, 6个月) in every row that fills it? */
function isDurationColumn(rows: readonly (readonly string[])[], i: number): boolean {
  const cells = filledCells(rows, i);
  return cells.length > 0 && cells.every((c) => DURATION_CELL.test(c) || ZH_DURATION_CELL.test(c));
}

/** A price as a cell gives it: ¥899, ￥600起, 199元, $49.99, £20 each, 免费, Free. */
const PRICE_CELL = /^(?:(?:[¥￥$€£]|RMB|CNY|USD)\s*\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s*(?:元|块|yuan))\s*(?:起|以上|\/次|每次|\+|each|and\s+up|from)?$/iu;

const FREE_CELL = /^(?:免费|免收|不收费|free(?:\s+of\s+charge)?)$/iu;

/** Does column `i` after the label hold prices (¥899, 免费) in every row that fills it, one at least with a number? */
function isPriceColumn(rows: readonly (readonly string[])[], i: number): boolean {
  const cells = filledCells(rows, i);
  return cells.some((c) => PRICE_CELL.test(c)) && cells.every((c) => PRICE_CELL.test(c) || FREE_CELL.test(c));
}

/** What a Chinese column over durations names as a service (整机保修, 质保期, 包换): the word a bare column borrows. */
const ZH_DURATION_SERVICE = /(保修|质保|包换|包退|保换|保质期|有效期|保修期|质保期)$/u;

/**
 * A Chinese column over durations as a question asks it: 小家电整机保修多久？; a column that names only a
 * part (主要部件) beside one that names the service borrows it — 小家电主要部件保修多久？ (was
 * 小家电的主要部件是什么？, a question the table does not answer).
 */
function zhDurationQuestion(label: string, columns: readonly string[], i: number, rows: readonly (readonly string[])[]): string {
  const column = columns[i] ?? '';
  if (ZH_DURATION_SERVICE.test(column)) return `${label}${column}多久？`;
  const service = columns.map((other, c) => (c !== i && isDurationColumn(rows, c) ? ZH_DURATION_SERVICE.exec(other)?.[1] : undefined)).find((w) => w !== undefined);
  return service !== undefined ? `${label}${column}${service}多久？` : `${label}的${column}是多久？`;
}

/**
 * An English column's name as a question says it: a bare noun over durations, beside a column of
 * durations that names its measure, takes that measure (Product | Warranty period | Battery → the
 * battery warranty period, was What is the battery for AirLite Pro earbuds?).
 */
function enColumnName(columns: readonly string[], i: number, rows: readonly (readonly string[])[]): string {
  const column = columns[i] ?? '';
  if (/\s/u.test(column) || TIME_HEADER.test(column) || !isDurationColumn(rows, i)) return enColumnWords(column);
  const measure = columns.find((other, c) => c !== i && /\s(?:period|time|life|term)$/iu.test(other) && isDurationColumn(rows, c));
  return enColumnWords(measure === undefined ? column : `${column} ${measure}`);
}

/** A size chart's first column: 尺码 | 胸围 | 衣长 …, Size | Chest | Length, UK size | EU size | Bust (cm). */
const SIZE_HEADER = /^(?:尺码|码数|码号|尺寸|号码|号型|鞋码|国内码|中国码|内地码|(?:(?:uk|us|eu|au|int(?:ernationa)?l)\s+)?size)$/iu;

/** A Chinese column's unit in brackets: 身高(cm), 体重（kg）, 脚长(mm) — no part of what is asked. */
const ZH_COLUMN_UNIT = /\s*[(（]\s*(cm|mm|kg|斤|公斤|厘米|毫米|寸|英寸)\s*[)）]\s*$/iu;

/**
 * A column of the wearer's measures, which a customer gives to ask their size (身高, 体重, 脚长, 胸围 …; 建议身高,
 * 适合体重 on a garment's chart, whose own 胸围 and 衣长 are the garment's).
 */
const WEARER_COLUMN = /^(建议|适合|参考|推荐)?(身高|体重|脚长|脚宽|脚围|胸围|腰围|臀围)/u;

/** The wearer's measures in the order customers give them. */
const WEARER_ORDER = ['身高', '体重', '脚长', '腰围', '胸围', '臀围', '脚宽', '脚围'];

/** A measure as a size chart's cell writes it: 160, 158-163, 47~53kg, 85-100斤, 23.5. */
const MEASURE_CELL = /^(\d{1,3}(?:\.\d)?)(?:\s*[-~～–—至]\s*(\d{1,3}(?:\.\d)?))?\s*(cm|mm|kg|斤|公斤|厘米|毫米)?$/iu;

/** A size chart's header corner that says rows are heights and columns weights: 身高\体重, 身高/体重. */
const HEIGHT_BY_WEIGHT = /^身高\s*[\\/／、|]\s*体重$|^体重\s*[\\/／、|]\s*身高$/u;

/** A unit an English column names in brackets: Bust (cm), Chest (in), Weight (kg) — no part of what is asked. */
const EN_COLUMN_UNIT = /\s*[([](?:cm|mm|m|in|inch(?:es)?|"|ft|kg|g|lbs?|oz|ml|l|cl|°?[cf]|%|[£$€])[)\]]\s*$/iu;

/** An English column's words as a question says them: its unit left out, acronyms (UK, EU, US) kept in capitals. */
function enColumnWords(column: string): string {
  return column
    .replace(EN_COLUMN_UNIT, '')
    .split(/(\s+)/u)
    .map((w) => (/^[([]?\p{Lu}{2,}[)\]]?$/u.test(w) ? w : w.toLowerCase()))
    .join('');
}

/**
 * A column whose header is a clause, not a noun (Payment method | Refund appears in your account):
 * what it says happens is asked how long it takes, when its cells give times (was What is the refund
 * appears in your account for PayPal?).
 */
const EN_CLAUSE_COLUMN = /^\p{L}+(?:\s+\p{L}+)?\s+(?:appears?|arrives?|reaches|gets|takes|shows|is\s+(?:paid|refunded|credited|returned|issued|delivered|sent))\b/iu;

/**
 * An English column that names no thing (International, Domestic, Included, Available): "What is the
 * international for …?" asks nothing; its cells are still in the answer.
 */
const EN_NOT_A_NOUN = /^(?:\p{L}{3,}(?<!e)ed|\p{L}{3,}[ai]ble|(?:inter)?national|regional|local|additional|optional|commercial|personal|digital|physical|free|yes|no|domestic|abroad|overseas|included|excluded)$/iu;

/** A column of what a row's service or plan comes with, named as a question or a verb: What's included, Includes. */
const EN_WHATS_INCLUDED_COLUMN = /^(?:what(?:['’]s|\s+is)\s+included|includes|what\s+you\s+get)$/iu;

/** A column of what a plan holds: Seats included, Users included → How many seats are included in …? */
const EN_INCLUDED_COLUMN = /^(\p{L}+s)\s+included$/iu;

/** A first column whose rows are kinds of one thing (Plan | Price: Starter, Team): the Starter plan, as customers name it. */
const EN_KIND_HEADER = /^(plan|tier|package|edition|membership|subscription|bundle|level)s?$/iu;

/**
 * A row label that is a kind's name (Starter, Team, Premium Plus, Pro 2): each word capitalised or a number.
 * A described thing (Small parcel, Large box) is no name: the shipping table's Package column asked How much
 * is the small parcel package? (review, 2026-11-27).
 */
const EN_KIND_NAME = /^\p{Lu}[\p{L}\d+&.'-]*(?:\s+(?:\p{Lu}[\p{L}\d+&.'-]*|\d[\p{L}\d+]*|&|\+))*$/u;

/** What a plan holds or gives, as a column (or, in a table written sideways, a row) names it: Price, Seats, Storage, Support. */
const EN_PLAN_FEATURE = /^(?:seats?|users?|members?|storage|support|projects?|limits?|features?|bandwidth|integrations?|api\s+calls|devices?|accounts?|workspaces?|licen[cs]es?)$/iu;

/** A column that counts what a plan includes, named bare (Seats, Users): How many seats are included in …? */
const EN_COUNTED_COLUMN = /^(seats|users|members|projects|devices|accounts|workspaces|licen[cs]es)$/iu;

/** Is a feature (a price, a time, what a plan holds) named by this header cell? */
const isFeature = (cell: string): boolean => FEE_HEADER.test(cell) || TIME_HEADER.test(cell) || EN_INCLUDED_COLUMN.test(cell) || EN_PLAN_FEATURE.test(cell);

/**
 * A kind table written sideways (Plan | Starter | Team, rows Price, Seats, Storage): the kinds head the
 * columns and each row is a feature. Turned the usual way round (Plan | Price | Seats | Storage, a row a
 * plan), so its rows ask of the Starter plan (was What is the starter for the Seats plan?).
 */
function upright(table: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const [header, ...rows] = table;
  if (header === undefined || !EN_KIND_HEADER.test((header[0] ?? '').trim())) return table;
  const kinds = header.slice(1).map((h) => h.trim());
  if (kinds.some(isFeature) || !rows.some((r) => isFeature((r[0] ?? '').trim()))) return table;
  return [[header[0] ?? '', ...rows.map((r) => r[0] ?? '')], ...kinds.map((k, i) => [k, ...rows.map((r) => r[i + 1] ?? '')])];
}

/**
 * A row label that is what a customer does, named by a noun that is also the verb (Exchange for another
 * size or colour, Refund to original payment): a choice, asked with its article — What is the return label
 * for an exchange for another size or colour? (was …for exchange for another size or colour?).
 */
const EN_CHOICE_LABEL = /^(?:exchange|refund|return|replacement|repair|swap|upgrade|downgrade|cancellation|change|switch|transfer)\s+(?:for|to|with|into|within|of|from|after|before|by|on|in|at)\b/iu;

/** A row label that names people (Gold members, Students, Customers in Alaska): who a fee is for. */
const EN_PEOPLE_LABEL = /\b(?:members|customers|users|students|seniors|guests|subscribers|buyers|employees|veterans|teachers)\b/iu;

/** What a fee costs the people a row names, of the section's fee when its heading names one (Return shipping fees → return shipping). */
function feeFor(people: string, topic: string | undefined): string {
  const paid = /^(.{3,40}?)\s+(?:fees?|costs?|charges?|prices?|rates?)$/iu.exec(topic?.trim() ?? '')?.[1];
  return paid === undefined ? `How much do ${people} pay?` : `How much is ${lowerFirst(paid)} for ${people}?`;
}

/**
 * A row label that is an action in a verb that is no noun (Cancel within 14 days, Keep the item, Send it
 * back): "How much is cancel within 14 days?" misreads it — asked "How much does it cost to …?", and
 * nothing else.
 */
const EN_ACTION_LABEL = /^(?:cancel|keep|send|choose|get|add|remove|buy|renew|collect|pick|pay|replace|exchange|return|refund)\s+(?:it|them|a|an|the|my|your|another|any|one|within|before|after|back)\b/iu;

/** A size chart's heading, without what it says it is: 连衣裙尺码表 → 连衣裙. */
const SIZE_TABLE_NAME = /(?:尺码对照表|尺码表|尺寸表|码表|尺码|尺寸)$/u;

/** A measure with its unit and, for weights and foot lengths, in the other unit customers use too: 体重47-53kg（94-106斤）, 脚长235mm（23.5cm）. */
function measureWords(column: string, cell: string): string | undefined {
  const m = MEASURE_CELL.exec(cell.trim());
  if (m === null) return undefined;
  const [, low = '', high] = m;
  const unit = (m[3] ?? ZH_COLUMN_UNIT.exec(column)?.[1] ?? '').toLowerCase().replace('公斤', 'kg').replace('厘米', 'cm').replace('毫米', 'mm');
  const name = column.replace(ZH_COLUMN_UNIT, '').replace(/^(?:建议|适合|参考|推荐)/u, '');
  const range = (a: number, b: number | undefined, round: (n: number) => number = (n) => n): string => (b === undefined ? `${round(a)}` : `${round(a)}-${round(b)}`);
  const lo = Number(low);
  const hi = high === undefined ? undefined : Number(high);
  // a foot length without its unit is in millimetres from 150 up, centimetres below
  // (and a height without one in centimetres)
  const footUnit = name.startsWith('脚') && unit === '' ? (lo >= 150 ? 'mm' : 'cm') : name === '身高' && unit === '' ? 'cm' : unit;
  const written = `${name}${low}${high === undefined ? '' : `-${high}`}${footUnit}`;
  if (name === '体重' && footUnit === 'kg') return `${written}（${range(lo * 2, hi === undefined ? undefined : hi * 2)}斤）`;
  if (name === '体重' && footUnit === '斤') return `${written}（${range(lo / 2, hi === undefined ? undefined : hi / 2, (n) => Math.round(n))}kg）`;
  if (name.startsWith('脚') && footUnit === 'mm') return `${written}（${range(lo / 10, hi === undefined ? undefined : hi / 10)}cm）`;
  if (name.startsWith('脚') && footUnit === 'cm') return `${written}（${range(Math.round(lo * 10), hi === undefined ? undefined : Math.round(hi * 10))}mm）`;
  return written;
}

/**
 * What size a customer of the row's measures takes, as they ask it: 身高158-163cm、体重47-53kg（94-106斤）穿什么码？,
 * 脚长235mm（23.5cm）穿多大码？ — their numbers meet the row's ranges (the analyzer's numberRanges: 160 is in
 * 158-163). Only the wearer's columns (WEARER_COLUMN); a garment's chart that names a suggested 身高 or 体重
 * asks with those alone. Undefined when the row gives no measure of the wearer.
 */
function wearerQuestion(columns: readonly string[], row: readonly string[]): string | undefined {
  const wearer = columns.map((c, i) => ({ c, i, m: WEARER_COLUMN.exec(c.replace(ZH_COLUMN_UNIT, '')) })).filter((x) => x.m !== null);
  // a garment's own 胸围 84 and 腰围 66 (measured flat) are no wearer's: only a range, or a height, weight or foot length, is
  if (!wearer.some((x) => /^(?:身高|体重|脚长)$/u.test(x.m?.[2] ?? '') || /\d\s*[-~～–—至]\s*\d/u.test(row[x.i + 1] ?? ''))) return undefined;
  const suggested = wearer.filter((x) => x.m?.[1] !== undefined);
  // the two a customer gives first (身高 and 体重; a trousers chart's 体重 and 腰围; 脚长): more made the question long
  const asked = (suggested.length > 0 ? suggested : wearer)
    .map((x) => ({ rank: WEARER_ORDER.indexOf(x.m?.[2] ?? ''), words: measureWords(x.c, row[x.i + 1] ?? '') }))
    .filter((x): x is { rank: number; words: string } => x.words !== undefined)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 2)
    .map((x) => x.words);
  if (asked.length === 0) return undefined;
  return asked.some((w) => w.startsWith('脚')) ? `${asked.join('、')}穿多大码？` : `${asked.join('、')}穿什么码？`;
}

/**
 * A chart of sizes by height and weight (身高\体重 | 40-45kg | 45-50kg …, a row a height, a size in each
 * cell) asks one question a row: 身高160-165cm、体重40-70kg穿什么码？ — the row's heights and the columns'
 * weights end to end, so a customer's 160 and 52kg meet the row and the table.
 */
function heightByWeightQuestions(columns: readonly string[], rows: readonly (readonly string[])[]): string[][] {
  const weights = columns.map((c) => MEASURE_CELL.exec(c.trim())).filter((m) => m !== null);
  const first = weights[0]?.[1];
  const last = weights.at(-1);
  const span = first === undefined || last === undefined ? '' : `、体重${first}-${last[2] ?? last[1] ?? ''}${last[3] ?? weights[0]?.[3] ?? ''}`;
  return rows.slice(0, MAX_TABLE_ROWS).flatMap((row) => {
    const height = MEASURE_CELL.exec((row[0] ?? '').trim());
    return height === null ? [] : [[`身高${height[1] ?? ''}${height[2] === undefined ? '' : `-${height[2]}`}${height[3] ?? 'cm'}${span}穿什么码？`]];
  });
}

/**
 * A size chart asks one question a row, naming every measure: 连衣裙S码的胸围、腰围、裙长是多少？,
 * 牛仔裤27码的腰围、臀围、裤长是多少？ — the garment from the chart's heading, the size as customers say it
 * (S码, 27码). Its labels are a letter or a number, which the row rule skips as no words: three size
 * charts asked about their XL rows only (2026-11-27, user test u7).
 */
function sizeQuestions(columns: readonly string[], rows: readonly (readonly string[])[], zh: boolean, topic: string | undefined, sizeColumn = 'size'): string[][] {
  // UK size | EU size | …: the size as the chart's first column names it (for UK size 12)
  const system = /^(\p{L}+)\s+size$/iu.exec(sizeColumn.trim())?.[1];
  const sizeWord = system === undefined ? 'size' : `${system.toUpperCase()} size`;
  const named = topic?.replace(SIZE_TABLE_NAME, '') ?? '';
  const garment = named !== topic && named.length >= 2 ? named : '';
  const out: string[][] = [];
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const size = (row[0] ?? '').trim();
    const measures = columns.filter((c, i) => c !== '' && !EMPTY_CELL.test((row[i + 1] ?? '').trim()));
    if (size === '' || size.length > 12 || measures.length === 0) continue;
    if (zh) {
      // 身高158-163cm、体重47-53kg穿什么码？ first: customers give their measures far more often than they name a size
      const wearer = wearerQuestion(columns, row);
      const named = `${garment}${/^[A-Za-z0-9]{1,5}$/u.test(size) ? `${size}码` : size}的${measures.map((m) => m.replace(ZH_COLUMN_UNIT, '')).join('、')}是多少？`;
      out.push(wearer === undefined ? [named] : [wearer, named]);
    }
    else out.push([`What is the ${joinedList(measures.map(enColumnWords))} for ${sizeWord} ${size}${garment === '' ? '' : ` ${garment}`}?`]);
  }
  return out;
}

/** A list as a sentence writes it: bust, waist and hips. */
function joinedList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * A data table (配送方式 | 时效 | 运费; Option | Delivery time | Fee) asks about each row: 顺丰快递的运费是多少？,
 * How much is Express delivery?, How long does Express delivery take? — the row's first cell is what a
 * customer names, the header says what they ask. Every row's first question comes before any row's
 * second (a cap on a section's questions then leaves out columns, not rows: the warranty table's
 * Pulse Watch 2, cables and refurbished rows had none). Empty and n/a cells ask nothing.
 * Question/answer tables are extracted instead (extract.ts).
 */
export function tableQuestions(tables: readonly (readonly (readonly string[])[])[], zh: boolean, topic?: string): string[] {
  const out: string[][] = [];
  const lead: string[] = [];
  for (const table of tables) {
    const [header, ...rows] = zh ? table : upright(table);
    if (header === undefined || header.length < 2 || rows.length === 0) continue;
    const columns = header.slice(1).map((h) => h.trim());
    if (SIZE_HEADER.test((header[0] ?? '').trim())) {
      out.push(...sizeQuestions(columns, rows, zh, topic, header[0]));
      continue;
    }
    if (zh && HEIGHT_BY_WEIGHT.test((header[0] ?? '').trim())) {
      out.push(...heightByWeightQuestions(columns, rows));
      continue;
    }
    // rows that name where a parcel goes (配送地区 | 时效 | 运费): 送到上海需要多长时间？, not 上海需要多长时间？
    const place = PLACE_HEADER.test((header[0] ?? '').trim());
    const names = zh ? columns : columns.map((_, i) => enColumnName(columns, i, rows));
    const durations = columns.map((_, i) => isDurationColumn(rows, i));
    // 维修项目 | 手机 | 笔记本电脑 with ¥ in the cells: the columns name what the price is for (手机换屏多少钱？,
    // was 换屏（原装屏幕总成）的手机是什么？)
    const prices = columns.map((_, i) => isPriceColumn(rows, i));
    // Plan | Monthly price | Annual price: the first fee column asks how much, the others name themselves
    const firstFee = columns.findIndex((c) => FEE_HEADER.test(c));
    const kind = zh ? undefined : EN_KIND_HEADER.exec((header[0] ?? '').trim())?.[1]?.toLowerCase();
    for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
      const written = (row[0] ?? '').trim().replace(/[：:。.]+$/u, '');
      // (not a bare number: a 序号 column's 1, 2, 3 numbers rows, it measures nothing)
      const amountOf = zh && AMOUNT_LABEL.test(written) && !/^[\d.\s]+$/u.test(written) ? AMOUNT_OF.exec((header[0] ?? '').trim())?.[1] : undefined;
      const cell = amountOf === undefined ? written : `${amountOf}${written}`;
      // Cables and adapters reads cables and adapters inside a question; AirLite Pro earbuds, Studio 700 headphones are names
      const bare = zh ? cell : inSentence(cell);
      // a label customers would name: words, not a number or a sentence (an English name is longer: Pulse Watch 2 smart watch)
      if (bare.length < 2 || bare.length > (zh ? 24 : 40) || !/\p{L}{2}/u.test(bare) || /[，,。；;]/u.test(bare)) continue;
      // Plan | …: Starter is the Starter plan (How much is the Starter plan?, was How much is Starter?)
      const choice = !zh && EN_CHOICE_LABEL.test(bare) ? `${/^[aeiou]/iu.test(bare) ? 'an' : 'a'} ${verbFirst(bare)}` : undefined;
      const label = choice ?? (kind !== undefined && EN_KIND_NAME.test(cell) && !new RegExp(`\\b${kind}s?$`, 'iu').test(bare) ? `the ${bare} ${kind}` : bare);
      const action = !zh && choice === undefined && EN_ACTION_LABEL.test(bare) ? `to ${verbFirst(bare)}` : undefined;
      const asked: string[] = [];
      // a column asked only what it is (地区 | 快递 | 预计到货时间: 江浙沪的快递是什么？) comes after those that ask a time, a fee or
      // yes or no of the row: a row's first question is the one kept when a section's cap leaves out columns
      const plain: string[] = [];
      for (const [i, column] of columns.entries()) {
        if (EMPTY_CELL.test((row[i + 1] ?? '').trim()) || column === '') continue;
        if (zh) {
          const to = place ? `寄到${label}` : label;
          const yesNo = YES_NO_HEADER.exec(column);
          // 坏果比例 | 是否需要退回 → 坏果≤10%需要退回吗？ (was 坏果≤10%的是否需要退回是什么？)
          const bears = WHO_BEARS_HEADER.exec(column);
          if (yesNo !== null) asked.push(`${to}${yesNo[1] === '能否' ? '能' : yesNo[1] === '可否' ? '可以' : ''}${yesNo[2]!}吗？`);
          // 买家承担 | 卖家承担 as columns: what each bears (质量问题卖家承担什么？, was 质量问题的卖家由谁承担？)
          else if (bears !== null && BEARING_PARTY.test(bears[1] ?? '')) asked.push(`${to}${bears[1]!}承担什么？`);
          else if (bears !== null) asked.push(`${to}${bears[1] === '' || bears[1] === undefined ? '' : `的${bears[1]}`}由谁承担？`);
          else if (FEE_HEADER.test(column)) asked.push(`${to}的${column}是多少？`);
          // (a bracket says which part: 换屏（原装屏幕总成） is asked as 换屏)
          else if (prices[i] === true) asked.push(`${column}${to.replace(/\s*[（(][^）)]*[）)]\s*/gu, '') || to}多少钱？`);
          // 支付方式 | 到账时间 → 银行卡多久到账？ (was 银行卡需要多长时间？)
          else if (ARRIVAL_HEADER.test(column)) asked.push(`${to}多久${ARRIVAL_HEADER.exec(column)?.[1] ?? ''}？`);
          else if (TIME_HEADER.test(column)) asked.push(`${to}需要多长时间？`);
          else if (durations[i] === true) asked.push(zhDurationQuestion(label, columns, i, rows));
          else plain.push(`${label}的${column}是什么？`);
        } else if (action !== undefined) {
          // What you choose | Return label | International: Exchange for another size is what a customer does
          if (FEE_HEADER.test(column) || prices[i] === true) asked.push(`How much does it cost ${action}?`);
          else if (TIME_HEADER.test(column)) asked.push(`How long does it take ${action}?`);
        } else if (EN_CLAUSE_COLUMN.test(column)) {
          // Refunds: Payment method | Refund appears in your account → How long does a refund take for PayPal?
          const cell = (row[i + 1] ?? '').trim();
          const what = /^(\p{L}+)/u.exec(column)?.[1]?.toLowerCase() ?? '';
          if (EN_TIME.test(cell) || /\b(?:immediately|instantly|same\s+day|next\s+day)\b/iu.test(cell)) asked.push(`How long does ${/^[aeiou]/u.test(what) ? 'an' : 'a'} ${what} take for ${label}?`);
        } else if (/^how\s+long\b/iu.test(column)) {
          // Refund to | How long it takes: how long the section's process takes for the row (was What is the how long it takes for PayPal?)
          // (a plural only: Express, Business, Status and Boxes asked How long does an expres take for next day?)
          const plural = topic?.trim().toLowerCase() ?? '';
          const process = !/^\p{L}{3,}s$/u.test(plural) || /(?:ss|us|is|[xz]es|[cs]hes)$/u.test(plural) ? undefined : plural.replace(/ies$/u, 'y').replace(/s$/u, '');
          asked.push(`How long does ${process === undefined ? 'it' : `${/^[aeiou]/u.test(process) ? 'an' : 'a'} ${process}`} take for ${label}?`);
        } else if (FEE_HEADER.test(column)) {
          if (i !== firstFee && /\s/u.test(column)) asked.push(`What is the ${names[i] ?? column.toLowerCase()} of ${label}?`);
          // Return type | Fee: Juniper Rewards Gold members | Free names who pays, not what is paid for: asked what
          // the section's fee costs them (How much is return shipping for Juniper Rewards Gold members?, was How much
          // is Juniper Rewards Gold members?)
          else if (EN_PEOPLE_LABEL.test(bare)) asked.push(feeFor(bare, topic));
          else asked.push(place ? `How much is delivery to ${label}?` : `How much is ${label}?`);
          // Standard Delivery | £3.95 (free on orders over £50): when it is free, as customers ask it
          const kind = /\b(delivery|shipping|postage)\b/iu.exec(label)?.[1]?.toLowerCase();
          // (before the rows' questions: a section's cap of 8 left it out behind six rows' prices)
          if (kind !== undefined && EN_FREE_OVER.test(row[i + 1] ?? '')) lead.push(`How much do I need to spend for free ${kind}?`, `When is ${/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}?\p{Ll}+)*$/u.test(label) ? label.toLowerCase() : label} free?`);
        }
        else if (TIME_HEADER.test(column)) asked.push(place ? `How long does delivery to ${label} take?` : `How long does ${label} take?`);
        // Repair | Phone | Laptop with prices in the cells: How much is screen replacement for a phone?
        else if (prices[i] === true) {
          const bare = label.replace(/\s*\([^)]*\)\s*/gu, ' ').trim() || label;
          asked.push(`How much is ${inSentence(bare)} for ${names[i] ?? column.toLowerCase()}?`);
        }
        // a column of durations (Warranty period: 1 year, 6 months) is asked how long, as customers ask it
        else if (durations[i] === true) asked.push(`How long is the ${names[i] ?? column.toLowerCase()} for ${label}?`);
        // What's included | Includes: what the row's service or plan comes with (was What is the what's included for Curbside Delivery?)
        else if (EN_WHATS_INCLUDED_COLUMN.test(column)) asked.push(`What's included with ${label}?`);
        else if (EN_INCLUDED_COLUMN.test(column) || (kind !== undefined && EN_COUNTED_COLUMN.test(column))) {
          const what = (EN_INCLUDED_COLUMN.exec(column) ?? EN_COUNTED_COLUMN.exec(column))?.[1]?.toLowerCase() ?? '';
          asked.push(/^(?:\d|unlimited)/iu.test((row[i + 1] ?? '').trim()) ? `How many ${what} are included in ${label}?` : `What ${what} are included in ${label}?`);
        }
        // a column that names no thing (International) asks nothing
        else if (!EN_NOT_A_NOUN.test(column)) asked.push(`What is the ${names[i] ?? column.toLowerCase()} for ${label}?`);
      }
      out.push([...asked, ...plain]);
    }
  }
  return [...lead, ...interleave(out)];
}
