#!/usr/bin/env node
// A catalogue knowledge base at scale: the same after-sales questions for every product a shop sells
// (80 products × 30 questions = 2,400 FAQ rows, as a cross-border electronics seller keeps them).
// Measures what a team meets at that size — kb build (and again, unchanged: byte-identical?),
// kb review's try-it index (first build, and after a change), kb eval on 2,400 paraphrases — and
// how kb gaps clusters the questions the KB misses: by the way customers ask (one cluster per
// question, across the products), or by product (one cluster per product, mixing unrelated
// questions), with and without the KB's covered terms (clusterQuestions' `covered`).
// The material is made up here; nothing is read from ../shared/eval. Needs `npm run build`.
//   npm run bench:catalogue
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kbRunner } from './bench/run-kb.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/cli/cli.js'))) {
  console.error('bench:catalogue: run `npm run build` first');
  process.exit(1);
}
const { loadIndex } = await import(join(root, 'dist/runtime/index.js'));
const { searcherBuilder } = await import(join(root, 'dist/review/try-index.js'));
const { clusterQuestions } = await import(join(root, 'dist/eval/gaps.js'));
const { coveredTerms, gapTokenizer } = await import(join(root, 'dist/eval/find-gaps.js'));

const dir = mkdtempSync(join(tmpdir(), 'kb-bench-cat-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const kinds = ['手机', '蓝牙耳机', '智能手表', '平板', '充电宝', '路由器', '机械键盘', '显示器', '音箱', '投影仪'];
// a model name of its own for each product (X10手机, Y10 Pro手机 …), as a shop's catalogue has them
const series = ['X', 'Y', 'K', 'M', 'V', 'S', 'B', 'W'];
const products = kinds.flatMap((k, i) => series.map((s, j) => `${s}${i + 1}0${j % 3 === 1 ? ' Pro' : j % 3 === 2 ? ' Lite' : ''}${k}`));
// [question, similar questions, answer, a way customers ask that the KB does not have]
const intents = [
  ['{p}支持七天无理由退货吗？', ['{p}能无理由退吗', '{p}不想要了可以退吗'], '{p}签收后7天内未激活可无理由退货。', '刚买的{p}想退掉行不行'],
  ['{p}拆封了还能退吗？', ['{p}开箱了可以退货吗'], '{p}拆封后无质量问题，扣除折旧费后可退。', '{p}盒子拆了还给退吗'],
  ['{p}退货运费谁承担？', ['{p}退货邮费谁出'], '质量问题退货运费由我们承担。', '退{p}的快递费谁给'],
  ['{p}怎么申请退货？', ['{p}退货流程'], '在订单详情申请售后，选择退货退款。', '{p}要退货去哪弄'],
  ['{p}退款多久到账？', ['{p}退款几天到'], '仓库签收后3个工作日内原路退款。', '{p}的钱多久能退回来'],
  ['{p}可以仅退款吗？', ['{p}没收到货能退款吗'], '未发货的{p}订单可仅退款。', '{p}货没到我要退钱'],
  ['{p}保修多久？', ['{p}质保期多长', '{p}保修期是几个月'], '{p}整机保修12个月。', '{p}能保修多长时间'],
  ['{p}进水了保修吗？', ['{p}泡水了免费修吗'], '进水属人为损坏，可付费维修。', '{p}掉水里了给修吗'],
  ['{p}可以换货吗？', ['{p}质量问题换货'], '15天内性能故障可换货。', '{p}有毛病能给换一个吗'],
  ['{p}去哪里维修？', ['{p}维修点在哪', '{p}寄修地址'], '在App预约寄修，维修周期约7个工作日。', '{p}修理要多久'],
  ['{p}降价了能退差价吗？', ['{p}保价吗'], '签收后7天内降价可申请价保。', '{p}刚买就降价了咋办'],
  ['{p}多久发货？', ['{p}下单后几天发货'], '现货48小时内发货。', '{p}买了啥时候能发'],
  ['{p}寄到美国要多久？', ['{p}发美国几天到'], '发往美国7-12个工作日送达。', '{p}寄美国多少天'],
  ['{p}物流信息不更新怎么办？', ['{p}快递一直不动'], '出境转运时2-5天不更新属正常。', '{p}快递好几天没动静'],
  ['{p}包邮吗？', ['{p}运费多少'], '国内包邮，国际订单满49美元包邮。', '{p}寄过来收邮费吗'],
  ['{p}需要交关税吗？', ['{p}要付关税吗'], '欧盟订单已含增值税，其他国家由收件人缴纳。', '{p}海关要收钱吗'],
  ['{p}被海关扣了怎么办？', ['{p}清关失败'], '请在7天内向海关提供资料。', '{p}卡在海关了'],
  ['{p}能开发票吗？', ['{p}怎么开发票'], '确认收货后在订单详情申请电子发票。', '{p}发票去哪开'],
  ['{p}能开增值税专用发票吗？', ['{p}专票能开吗'], '企业订单可开专票。', '{p}公司要专票给开吗'],
  ['{p}发货后能改地址吗？', ['{p}改收货地址'], '未发货前可在订单页修改地址。', '{p}地址写错了咋整'],
  ['{p}怎么激活？', ['{p}激活步骤'], '首次开机连接Wi-Fi并登录账号即可激活。', '{p}新机怎么弄激活'],
  ['{p}激活了还能退吗？', ['{p}开机了能退吗'], '激活后不支持无理由退货。', '{p}开过机了退不退'],
  ['{p}包装里有什么配件？', ['{p}配件清单'], '主机、数据线、说明书。', '{p}盒子里有啥'],
  ['{p}配件丢了能单独买吗？', ['{p}配件在哪买'], '可在店铺配件专区购买。', '{p}线丢了能补买吗'],
  ['{p}支持iPhone吗？', ['{p}兼容安卓吗'], '支持iOS 15及Android 9以上。', '{p}安卓能用不'],
  ['{p}怎么升级固件？', ['{p}系统更新'], '在App设备页升级固件。', '{p}更新系统咋弄'],
  ['{p}充不进电怎么办？', ['{p}充电没反应'], '更换原装线和充电头重试。', '{p}插上电没反应'],
  ['{p}国外电压能用吗？', ['{p}110V能用吗'], '支持100-240V宽电压。', '{p}带到美国能充电吗'],
  ['{p}说明书在哪下载？', ['{p}电子说明书'], '官网下载中心输入型号下载。', '{p}说明书找不到了'],
  ['{p}能以旧换新吗？', ['{p}旧机回收'], '支持以旧换新，旧机上门回收。', '{p}老机器能抵多少'],
];

const rows = [];
const misses = [];
products.forEach((p, pi) =>
  intents.forEach(([q, similar, answer, miss], ii) => {
    const f = (s) => s.replaceAll('{p}', p);
    rows.push({ id: `P${pi}-${ii}`, question: f(q), similar: similar.map(f), answer: f(answer) });
    misses.push({ text: f(miss), count: 1 + ((pi * 7 + ii) % 5), product: p, intent: ii });
  }),
);
writeFileSync(join(dir, 'faq.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
writeFileSync(join(dir, 'suite.jsonl'), `${misses.map((m, i) => JSON.stringify({ q: m.text, expect: rows[i].id })).join('\n')}\n`);

/** Run the CLI; returns wall seconds and the child's peak RSS in MB. */
const kb = kbRunner(root, dir);

const lines = [];
const row = (what, r, extra = '') => lines.push(`| ${what} | ${r.seconds.toFixed(2)} | ${r.rss.toFixed(0)} | ${extra} |`);
const first = kb(['build', 'faq.jsonl', '--out', 'kb.index']);
if (first.status !== 0) {
  console.error(first.stderr);
  process.exit(1);
}
const bytes = readFileSync(join(dir, 'kb.index'));
row(`kb build (${rows.length} FAQ rows)`, first, `${(bytes.length / 1024).toFixed(0)} KB`);
const again = kb(['build', 'faq.jsonl', '--out', 'kb.index']);
row('kb build again, unchanged', again, readFileSync(join(dir, 'kb.index')).equals(bytes) ? 'byte-identical' : 'DIFFERENT BYTES');
const evaluated = kb(['eval', 'suite.jsonl', '--index', 'kb.index', '--html', 'r.html', '--markdown', 'r.md', '--junit', 'r.xml']);
const hits = /hit@1 ([\d.]+)\s+hit@5 ([\d.]+)\s+MRR@5 ([\d.]+)/.exec(evaluated.stdout);
const size = (f) => `${(readFileSync(join(dir, f)).length / 1024).toFixed(0)} KB`;
row(`kb eval (${misses.length} paraphrases; --html --markdown --junit)`, evaluated, `hit@1/5/MRR ${hits?.slice(1).join(' / ')}; html ${size('r.html')}, md ${size('r.md')}, junit ${size('r.xml')}`);

// kb review's try-it index, in its worker as kb review builds it
const entries = rows.map((r) => ({ ...r, origin: 'faq', status: 'approved' }));
const builder = searcherBuilder({});
let t = performance.now();
await builder.build(entries);
const tryFirst = (performance.now() - t) / 1000;
t = performance.now();
await builder.build(entries.map((e, i) => (i === 0 ? { ...e, status: 'rejected' } : e)));
const tryAgain = (performance.now() - t) / 1000;
builder.close();
lines.push(`| kb review try-it index (${builder.mode}): first / after a change | ${tryFirst.toFixed(2)} / ${tryAgain.toFixed(2)} | | |`);

// gaps: the ways of asking the KB lacks, for every product
const index = await loadIndex(join(dir, 'kb.index'));
const tokenize = gapTokenizer(index);
const questions = misses.map(({ text, count }) => ({ text, count }));
const byText = new Map(misses.map((m) => [m.text, m]));
const purity = (clusters) => {
  const top = clusters.filter((c) => c.distinct >= 2).slice(0, 20);
  const mean = (f) => (top.reduce((n, c) => n + f(c), 0) / Math.max(1, top.length)).toFixed(1);
  const distinct = (c, key) => new Set(c.examples.map((e) => byText.get(e.text)?.[key])).size;
  return `${clusters.length} clusters; the 20 biggest: ${mean((c) => distinct(c, 'intent'))} questions and ${mean((c) => distinct(c, 'product'))} products among their (at most 10) examples`;
};
t = performance.now();
const covered = coveredTerms(index, tokenize);
const coveredSeconds = (performance.now() - t) / 1000;
t = performance.now();
const withCovered = clusterQuestions(questions, tokenize, { covered });
const clusterSeconds = (performance.now() - t) / 1000;
lines.push(`| gaps clustering of ${misses.length} missed wordings, KB's covered terms (${coveredSeconds.toFixed(2)} s) weighed down | ${clusterSeconds.toFixed(2)} | | ${purity(withCovered)} |`);
lines.push(`| gaps clustering, every term by its IDF alone (before 2026-11-27) | | | ${purity(clusterQuestions(questions, tokenize))} |`);

console.log(`# kb on a catalogue KB (${products.length} products × ${intents.length} questions)\n`);
console.log('| what | s | peak RSS MB | |\n| --- | ---: | ---: | --- |');
console.log(lines.join('\n'));
