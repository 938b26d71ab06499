#!/usr/bin/env node
// A large team's knowledge base, made up (invented content; seeded, deterministic): a 54,000-row
// after-sales FAQ export (30,000 rows in faq-main.xlsx, 24,000 in faq-extra.csv) of product ×
// intent questions with up to 8 similar questions each, categories as tags, a few empty, very
// long (5,200 characters), HTML or multi-line answers and repeated ids; 320 policy documents
// (Markdown and HTML, chapters of numbered articles); a 200,000-line customer chat log
// (chats.csv) and a 5,000-case regression suite (tests/regression.jsonl).
// It is the workload of `npm run bench:large` (scripts/bench-large.mjs); first written for the
// 2026-11-26 scale trial (docs/history/generate.md, docs/store.md).
//   node scripts/bench/large-faq.mjs OUT_DIR   (about 20 s, 75 MB)
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';

let seed = 12345;
const rnd = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const zipf = (a, s = 1.2) => { // skewed pick
  const w = a.map((_, i) => 1 / Math.pow(i + 1, s)); const t = w.reduce((x, y) => x + y, 0);
  let r = rnd() * t; for (let i = 0; i < a.length; i++) { r -= w[i]; if (r <= 0) return a[i]; } return a[a.length - 1];
};
const OUT = process.argv[2];
if (!OUT) { console.error('usage: node scripts/bench/large-faq.mjs OUT_DIR'); process.exit(2); }
fs.mkdirSync(path.join(OUT, 'sources/policies'), { recursive: true });
fs.mkdirSync(path.join(OUT, 'tests'), { recursive: true });

const categories = {
  '手机数码': ['手机', '平板电脑', '蓝牙耳机', '智能手表', '充电宝', '数据线', '移动硬盘', '相机'],
  '服装鞋包': ['连衣裙', '羽绒服', '运动鞋', '牛仔裤', '双肩包', 'T恤', '卫衣', '皮鞋'],
  '家用电器': ['冰箱', '洗衣机', '空调', '电饭煲', '扫地机器人', '吸尘器', '微波炉', '热水器'],
  '美妆个护': ['面霜', '口红', '洗发水', '电动牙刷', '面膜', '香水', '防晒霜'],
  '食品生鲜': ['大米', '牛奶', '坚果礼盒', '车厘子', '冷冻牛排', '咖啡豆', '茶叶'],
  '母婴用品': ['奶粉', '纸尿裤', '婴儿推车', '儿童座椅', '奶瓶'],
  '家居家装': ['沙发', '床垫', '窗帘', '灯具', '衣柜', '餐桌'],
  '图书文具': ['教材', '小说', '钢笔', '笔记本'],
  '运动户外': ['帐篷', '跑步机', '瑜伽垫', '自行车'],
  '汽车用品': ['行车记录仪', '轮胎', '机油', '车载充电器'],
  '医药保健': ['维生素', '血压计', '体温计'],
  '宠物用品': ['猫粮', '狗粮', '猫砂'],
};
const catNames = Object.keys(categories);
const intents = [
  { k: '退货', q: ['{p}怎么退货', '{p}可以七天无理由退货吗', '{p}退货流程是什么', '买的{p}不想要了怎么退'], a: '{p}在签收后7天内，商品完好、配件齐全且不影响二次销售的，可申请七天无理由退货。请在“我的订单-申请售后”中选择退货，填写原因并上传照片，审核通过后按页面地址寄回。' },
  { k: '退款', q: ['{p}退款多久到账', '{p}退款什么时候到', '退了{p}钱怎么还没到', '{p}退款进度在哪看'], a: '商家确认收到退回的{p}后，退款会在1-3个工作日内原路退回；银行卡支付的到账时间以银行为准，一般不超过7个工作日。' },
  { k: '换货', q: ['{p}能换货吗', '{p}尺码不合适怎么换', '{p}换货要多久', '{p}颜色发错了能换吗'], a: '{p}签收后15天内出现质量问题可申请换货，请在订单详情页点击“申请换货”，寄回后商家会在收到商品后48小时内发出新的{p}。' },
  { k: '运费', q: ['退{p}运费谁出', '{p}退货运费怎么算', '{p}包邮吗', '{p}运费险怎么理赔'], a: '因质量问题退回{p}，运费由商家承担；七天无理由退货的运费由买家承担，购买了运费险的订单退货成功后会自动理赔，理赔金额按首重计算。' },
  { k: '物流', q: ['{p}什么时候发货', '{p}物流怎么一直不动', '{p}快递到哪了', '{p}能指定快递吗'], a: '{p}一般在付款后48小时内发货，预售商品以页面标注的发货时间为准。发货后可在“我的订单-查看物流”追踪，物流超过72小时未更新可联系客服催件。' },
  { k: '保修', q: ['{p}保修多久', '{p}坏了怎么保修', '{p}保修需要发票吗', '{p}过了保修期怎么办'], a: '{p}自签收之日起享受一年全国联保，保修期内非人为损坏免费维修；请保留发票或电子订单截图作为保修凭证。' },
  { k: '发票', q: ['{p}怎么开发票', '{p}能开专票吗', '{p}发票抬头写错了怎么办', '{p}发票什么时候开'], a: '购买{p}可在订单完成后申请电子普通发票，企业用户可申请增值税专用发票；抬头填错可在订单完成后30天内申请换开一次。' },
  { k: '优惠券', q: ['买{p}的优惠券怎么用不了', '{p}能用满减券吗', '{p}优惠券过期了能退吗', '{p}叠加优惠怎么算'], a: '{p}是否可用优惠券以商品页面标注为准；优惠券过期后不予补发，使用了优惠券的订单退款时优惠券在有效期内会退回账户。' },
  { k: '价保', q: ['{p}降价了能退差价吗', '{p}价保怎么申请', '刚买的{p}就降价了'], a: '{p}支持签收后7天价格保护，降价后可在“我的-价格保护”一键申请，差价以原支付方式退回。' },
  { k: '安装', q: ['{p}包安装吗', '{p}安装要收费吗', '{p}什么时候上门安装'], a: '{p}送货后会有师傅在48小时内联系预约上门安装，基础安装免费，辅材按当地收费标准另计。' },
  { k: '质量问题', q: ['{p}有质量问题怎么办', '收到的{p}是坏的', '{p}有划痕能退吗', '{p}和描述不符'], a: '收到的{p}存在质量问题或与描述不符，请在签收后48小时内拍照联系客服，核实后可选择退货、换货或补偿。' },
  { k: '取消订单', q: ['{p}订单怎么取消', '{p}已经发货了还能取消吗', '下错单了{p}怎么办'], a: '{p}未发货前可在订单详情页直接取消；已发货的订单请拒收或签收后申请退货。' },
];
const brands = ['小米', '华为', '海尔', '美的', '优衣库', '李宁', '安踏', '苏泊尔', '格力', '雅诗兰黛', '三只松鼠', '飞利浦', '戴森', '索尼', '耐克', '伊利', '良品铺子', '九阳', '罗技', '公牛'];
const colloq = ['啊', '呢', '？', '?', '', '', '吗', '呀'];

function answerFor(intent, p) { return intent.a.replaceAll('{p}', p); }
function longAnswer(p) {
  let s = ''; while (s.length < 5200) s += `第${s.length % 97}项：关于${p}的售后服务细则，买家应保留完整包装、配件及赠品，商家在收到退回商品后进行检测，检测结果在3个工作日内通知买家。`;
  return s;
}
function htmlAnswer(p, intent) { return `<p>${answerFor(intent, p)}</p><ul><li>步骤一：打开<b>我的订单</b></li><li>步骤二：点击<a href="https://help.example.com/x">申请售后</a></li></ul><br/>`; }

// FAQ rows
function makeRows(n, prefix) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const cat = zipf(catNames, 1.1); const p = zipf(categories[cat], 0.8); const intent = zipf(intents, 0.7);
    const brand = zipf(brands, 0.9); const model = rnd() < 0.8 ? `${pick(['', 'Pro', 'Max', 'Lite', 'S'])}${Math.floor(rnd() * 80) + 1}` : '';
    const pn = rnd() < 0.85 ? `${brand}${p}${model}` : p;
    const qs = intent.q.map((t) => t.replaceAll('{p}', pn));
    const q = pick(qs) + (i % 9 === 0 ? `（${cat}）` : '');
    const nSim = Math.floor(rnd() * 9);
    const sim = [];
    for (let j = 0; j < nSim; j++) sim.push(pick(qs) + pick(colloq) + (j > 3 ? `（型号${Math.floor(rnd() * 900 + 100)}）` : ''));
    let answer = answerFor(intent, pn) + ` 订单号段${prefix}${i}适用。`;
    const r = rnd();
    let kind = 'ok';
    if (r < 0.004) { answer = ''; kind = 'empty'; }
    else if (r < 0.008) { answer = longAnswer(p); kind = 'long'; }
    else if (r < 0.03) { answer = htmlAnswer(p, intent); kind = 'html'; }
    else if (r < 0.06) { answer = answer.replace('，', '，\n'); kind = 'newline'; }
    let id = `${prefix}${String(i).padStart(6, '0')}`;
    if (i > 10 && rnd() < 0.002) { id = `${prefix}${String(i - 3).padStart(6, '0')}`; kind = 'dupid'; }
    rows.push({ id, question: q, similar: [...new Set(sim)].join('\n'), answer, tags: `${cat},${intent.k}`, kind });
  }
  return rows;
}
const stats = {};
const rowsX = makeRows(30000, 'X');
const rowsC = makeRows(24000, 'C');
for (const r of [...rowsX, ...rowsC]) stats[r.kind] = (stats[r.kind] ?? 0) + 1;

const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('FAQ导出');
ws.addRow(['编号', '标准问题', '相似问题', '答案', '分类']);
for (const r of rowsX) ws.addRow([r.id, r.question, r.similar, r.answer, r.tags]);
await wb.xlsx.writeFile(path.join(OUT, 'sources/faq-main.xlsx'));
const csvq = (s) => `"${String(s).replaceAll('"', '""')}"`;
fs.writeFileSync(path.join(OUT, 'sources/faq-extra.csv'), '编号,标准问题,相似问题,答案,分类\n' + rowsC.map((r) => [r.id, r.question, r.similar, r.answer, r.tags].map(csvq).join(',')).join('\n') + '\n');

// Policies: 300 docs (md / html)
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
let policySections = 0;
for (let d = 0; d < 320; d++) {
  const cat = zipf(catNames, 1.0); const p = pick(categories[cat]);
  const title = `${cat}${p}售后服务规则（第${d}版）`;
  const chapters = 2 + Math.floor(rnd() * 4);
  if (d % 3 === 0) {
    let h = `<html><head><title>${title} | 示例商城帮助中心</title></head><body><h1>${title}</h1>`;
    for (let c = 0; c < chapters; c++) {
      h += `<h2>第${numerals[c]}章 ${pick(intents).k}规则</h2>`;
      const arts = 3 + Math.floor(rnd() * 6);
      for (let a = 0; a < arts; a++) { const it = pick(intents); h += `<p>第${numerals[(c * 6 + a) % 20]}条 ${answerFor(it, p)}买家须在${3 + a}日内完成操作，逾期视为放弃。</p>`; policySections++; }
    }
    fs.writeFileSync(path.join(OUT, `sources/policies/p${String(d).padStart(3, '0')}.html`), h + '</body></html>');
  } else {
    let m = `# ${title}\n\n`;
    for (let c = 0; c < chapters; c++) {
      m += `## ${numerals[c]}、${pick(intents).k}\n\n`;
      const arts = 3 + Math.floor(rnd() * 6);
      for (let a = 0; a < arts; a++) { const it = pick(intents); m += `### （${numerals[a]}）${it.k}的${pick(['条件', '时限', '费用', '流程'])}\n\n${answerFor(it, p)}超过${7 + a}天的申请不予受理，特殊商品以页面说明为准。\n\n`; policySections++; }
    }
    fs.writeFileSync(path.join(OUT, `sources/policies/p${String(d).padStart(3, '0')}.md`), m);
  }
}

// Chat log: 200k lines CSV (time, user, question)
const noise = ['你好', '在吗', '人工', '转人工客服', '谢谢', '好的', '？？？', '我要投诉', '你们老板是谁', '能便宜点吗', '会员怎么开通', '积分怎么兑换', '直播间的券在哪领', '以旧换新怎么弄', '花呗分期怎么退'];
const chat = ['time,user,question'];
for (let i = 0; i < 200000; i++) {
  let q;
  if (rnd() < 0.35) q = pick(noise) + (rnd() < 0.3 ? pick(colloq) : '');
  else { const cat = zipf(catNames, 1.1); const p = zipf(categories[cat], 0.8); const it = zipf(intents, 0.7); q = pick(it.q).replaceAll('{p}', p) + pick(colloq); if (rnd() < 0.3) q = q.replace('怎么', '咋'); if (rnd() < 0.1) q += `订单${Math.floor(rnd() * 1e6)}`; }
  chat.push(`2026-11-${String(1 + (i % 25)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,u${i % 9000},${csvq(q)}`);
}
fs.writeFileSync(path.join(OUT, 'chats.csv'), chat.join('\n') + '\n');

// Suite: 5000 cases
const cases = [];
for (let i = 0; i < 5000; i++) {
  if (i % 25 === 0) { cases.push({ q: pick(noise), expect: null }); continue; }
  const src = rnd() < 0.55 ? rowsX : rowsC; const r = pick(src);
  if (r.kind === 'empty' || r.kind === 'dupid') { i--; continue; }
  let q = r.question.replace(/（.*?）|-\d+$/g, '').replace('怎么', '咋') + pick(colloq);
  cases.push({ q, expect: r.id });
}
fs.writeFileSync(path.join(OUT, 'tests/regression.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
console.log(JSON.stringify({ faqRows: rowsX.length + rowsC.length, stats, policies: 320, policySections, chatLines: 200000, cases: cases.length }));
