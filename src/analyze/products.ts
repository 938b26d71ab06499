/**
 * Kinds of goods a shop sells, each with the other names customers and manuals give it. A question
 * that names one kind (空调有异味) is not about an entry that names another and not it (洗衣机有异味
 * 怎么办？): the runtime weighs such an entry down (`PRODUCT_CONFLICT_SHARE` in
 * src/runtime/knowledge-base.ts). The build writes the kinds into the index as the analyzer's terms
 * (`IndexModel.products`) and makes the Chinese names vocabulary words, so a question cuts 电视 whole
 * even in a KB that never writes it.
 *
 * A kind is as coarse as a shop's policies are: 裤子 takes 牛仔裤 and 短裤 (a rule for 裤子 is a rule
 * for jeans), 外套 takes 羽绒服 and 大衣. Words that name every kind (商品, 衣服, 家电, 电器) are none,
 * nor are words that are also something else (表 the table, 包 of 包邮, 挂机 the hang-up, 主机 of an
 * air conditioner, mouse, monitor, speaker the person). English names are single words (the runtime matches terms, not phrases).
 */
export const PRODUCT_KINDS: readonly (readonly string[])[] = [
  // large appliances
  ['空调', '空调机', '柜机', 'aircon'],
  ['冰箱', '电冰箱', '冰柜', 'fridge', 'refrigerator', 'freezer'],
  ['洗衣机', '滚筒洗衣机', '波轮洗衣机', '洗烘一体机'],
  ['烘干机', '干衣机', 'dryer'],
  ['电视', '电视机', '彩电', '液晶电视', 'tv', 'television'],
  ['热水器', '电热水器', '燃气热水器'],
  ['油烟机', '抽油烟机', '烟机'],
  ['燃气灶', '灶具', '煤气灶', '电磁炉', 'stove', 'cooktop'],
  ['洗碗机', 'dishwasher'],
  ['消毒柜'],
  ['净水器', '净水机', '纯水机'],
  // small appliances
  ['微波炉', 'microwave'],
  ['烤箱', '蒸烤箱', 'oven'],
  ['电饭煲', '电饭锅', '电压力锅', '压力锅'],
  ['空气炸锅', '炸锅', 'airfryer'],
  ['电热水壶', '烧水壶', '热水壶', 'kettle'],
  ['破壁机', '料理机', '榨汁机', '豆浆机', 'blender', 'juicer'],
  ['咖啡机', 'coffeemaker'],
  ['空气净化器', '净化器', 'purifier'],
  ['加湿器', '除湿机', 'humidifier', 'dehumidifier'],
  ['电风扇', '风扇', '落地扇'],
  ['取暖器', '暖风机', '电暖器', 'heater'],
  ['扫地机', '扫地机器人', '扫拖一体机'],
  ['吸尘器', 'vacuum'],
  ['吹风机', '电吹风', 'hairdryer'],
  ['剃须刀', '电动剃须刀', 'shaver', 'razor'],
  ['电动牙刷', 'toothbrush'],
  // phones, computers, gadgets
  ['手机', '智能手机', 'phone', 'smartphone'],
  ['平板', '平板电脑', 'tablet', 'ipad'],
  ['笔记本', '笔记本电脑', 'laptop', 'notebook'],
  ['台式机', 'desktop'],
  ['耳机', '蓝牙耳机', '耳麦', 'headphones', 'earphones', 'earbuds', 'headset'],
  ['手表', '智能手表', 'watch', 'smartwatch'],
  ['手环', '智能手环'],
  ['音箱', '音响', '蓝牙音箱'],
  ['充电器', '充电头', 'charger'],
  ['数据线', '充电线', 'cable'],
  ['充电宝', '移动电源', 'powerbank'],
  ['相机', '照相机', '单反', 'camera'],
  ['键盘', 'keyboard'],
  ['显示器'],
  ['打印机', 'printer'],
  ['路由器', 'router'],
  ['投影仪', 'projector'],
  ['游戏机'],
  ['电动车', '电瓶车', '自行车', 'bike', 'bicycle'],
  // clothes and shoes
  ['裤子', '牛仔裤', '休闲裤', '短裤', '打底裤', 'jeans', 'trousers', 'pants', 'shorts'],
  ['裙子', '连衣裙', '半身裙', 'dress', 'skirt'],
  ['外套', '羽绒服', '大衣', '夹克', '风衣', '棉服', 'coat', 'jacket'],
  ['衬衫', '上衣', 'shirt'],
  ['毛衣', '针织衫', '卫衣', 'sweater', 'hoodie'],
  ['内衣', '文胸', '内裤', 'underwear'],
  ['鞋', '鞋子', '运动鞋', '靴子', '凉鞋', '皮鞋', 'shoes', 'sneakers', 'boots'],
  ['袜子', 'socks'],
  ['帽子', 'hat'],
  ['包包', '背包', '手提包', '钱包', 'bag', 'backpack', 'wallet'],
  // beauty
  ['口红', '唇膏', '唇釉', 'lipstick'],
  ['粉底', '粉底液', 'foundation'],
  ['面膜'],
  ['面霜', '乳液', '精华', '精华液', '爽肤水', '化妆水', 'serum', 'moisturizer'],
  ['洗面奶', '洁面', 'cleanser'],
  ['防晒', '防晒霜', 'sunscreen'],
  ['香水', 'perfume'],
  ['眼影', '睫毛膏', '眼线笔', 'mascara'],
  ['洗发水', '护发素', 'shampoo'],
  // home, baby, food
  ['床垫', 'mattress'],
  ['沙发', 'sofa'],
  ['奶粉'],
  ['纸尿裤', '尿不湿', 'diapers'],
  ['婴儿车', '推车', 'stroller'],
];

/** A catalogue question (as `catalogueKey` writes it) and its template, the ending it shares with other products' questions. */
export interface CatalogueQuestion {
  question: string;
  template: string;
}

/** A question as `catalogueProducts` compares it: trimmed, without its closing punctuation. */
export function catalogueKey(question: string): string {
  return question.trim().replace(/[？?。！!\s]+$/u, '');
}

/** A question ending shared by at least this many product names is a template (可以换货吗？). */
const MIN_TEMPLATE_NAMES = 5;
/** A question start is a product name when it begins at least this many templates. */
const MIN_NAME_TEMPLATES = 5;
/** Questions longer than this are not read for names (a catalogue's questions are short). */
const MAX_NAME_QUESTION = 60;

/**
 * The products of a catalogue FAQ: a shop that sells many products asks the same after-sales
 * questions of each (X20手机可以换货吗？, Pad 11平板可以换货吗？, X20手机包邮吗？ …). A question's name is
 * its start before the longest ending (the template) that at least five questions share, and a start
 * is a product only when it begins at least five templates — names × templates, which hand-written
 * FAQs and questions generated about a document's topics do not form. Returns each product's
 * questions (`catalogueKey`) with their templates (the name, as cut, may end inside a word: 键 of
 * 键盘; the caller takes the words all its questions share), none for a KB that is no catalogue.
 */
export function catalogueProducts(questions: readonly string[]): CatalogueQuestion[][] {
  const distinct = [...new Set(questions.map(catalogueKey).filter((q) => q.length > 3 && q.length <= MAX_NAME_QUESTION))];
  // (each question is one start + ending pair per cut, so an ending's count is its distinct starts)
  const endings = new Map<string, number>();
  for (const q of distinct) for (let i = 2; i <= q.length - 2; i++) endings.set(q.slice(i), (endings.get(q.slice(i)) ?? 0) + 1);
  const products = new Map<string, { templates: number; questions: CatalogueQuestion[] }>();
  for (const q of distinct) {
    for (let i = 2; i <= q.length - 2; i++) {
      if (endings.get(q.slice(i))! < MIN_TEMPLATE_NAMES) continue;
      const name = q.slice(0, i).trim();
      let product = products.get(name);
      if (product === undefined) products.set(name, (product = { templates: 0, questions: [] }));
      product.templates++;
      product.questions.push({ question: q, template: q.slice(i) });
      break;
    }
  }
  return [...products.values()].filter((p) => p.templates >= MIN_NAME_TEMPLATES).map((p) => p.questions);
}
