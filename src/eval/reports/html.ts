/**
 * One self-contained HTML page (inline CSS, SVG and a few lines of JS; no network): the verdict
 * and why it failed, the gates and the regression check, the figures against the baseline and the
 * cases that changed, the metrics, a rank distribution chart, a confidence histogram split by right and
 * wrong top hits, the threshold curve, the gaps, and a searchable, filterable table of cases.
 * The table's filter can be set from the address: `report.html#q=运费&only=fail`.
 * Every text from suites, entries or the index is escaped.
 */
import type { AnswerChange } from '../baseline.js';
import type { GroupMetrics, ThresholdReport } from '../summary.js';
import { baselineCasesDiffer, baselineThresholdNote, changeWhy, checksOf, confidenceHistogram, coverageSource, describeExpect, describeGot, describeReason, failReasons, groupAnswersChanged, isNewlyFailing, metricChanges, capitalized, noGatesNote, problemPlace, signedChange, thresholdHow, unreadableTitle, type EvalRun } from './model.js';

export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

const f3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
/** A group's rate; a dash when the group has no in-scope case. */
const g3 = (g: { cases: number }, x: number): string => (g.cases === 0 ? '–' : x.toFixed(3));
const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

interface Bar {
  label: string;
  values: { value: number; color: string; name: string }[];
}

/** A (stacked) bar chart as inline SVG. */
function barChart(title: string, bars: readonly Bar[], width = 560, height = 220): string {
  const pad = { left: 40, right: 10, top: 24, bottom: 34 };
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((s, v) => s + v.value, 0)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const parts: string[] = [`<text x="${pad.left}" y="16" class="title">${htmlEscape(title)}</text>`];
  for (const tick of [0, 0.5, 1]) {
    const y = pad.top + plotH - tick * plotH;
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}" class="grid"/><text x="${pad.left - 4}" y="${y + 4}" class="axis" text-anchor="end">${Math.round(max * tick)}</text>`);
  }
  bars.forEach((b, i) => {
    let y = pad.top + plotH;
    const x = pad.left + i * slot + slot * 0.15;
    for (const v of b.values) {
      const h = (v.value / max) * plotH;
      y -= h;
      if (v.value > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${v.color}"><title>${htmlEscape(`${b.label}: ${v.value} ${v.name}`)}</title></rect>`);
    }
    parts.push(`<text x="${(x + slot * 0.35).toFixed(1)}" y="${height - pad.bottom + 14}" class="axis" text-anchor="middle">${htmlEscape(b.label)}</text>`);
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${htmlEscape(title)}">${parts.join('')}</svg>`;
}

/** A generous width of an 11 px axis label in a sans-serif font (wide Latin letters are about 6.5 px; the legend's labels are Latin). */
const labelWidth = (text: string): number => [...text].length * 6.6;

/** The threshold curve: decision accuracy, answered rate and accuracy of answered over 0–1. */
function curveChart(run: EvalRun, width = 560, height = 240): string {
  const t = run.summary.threshold;
  if (t === undefined) return '';
  const pad = { left: 40, right: 10, top: 24, bottom: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (v: number): number => pad.left + v * plotW;
  const y = (v: number): number => pad.top + plotH - v * plotH;
  const series: [string, string, (p: ThresholdReport['curve'][number]) => number | null][] = [
    ['correct decisions', '#1f6feb', (p) => p.decisionAccuracy],
    ['answered', '#8b949e', (p) => p.answeredRate],
    ['right when answered', '#2da44e', (p) => p.accuracyOfAnswered],
    ['false answers', '#cf222e', (p) => p.falseAnswerRate],
  ];
  const parts: string[] = [`<text x="${pad.left}" y="16" class="title">Threshold curve</text>`];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/><text x="${pad.left - 4}" y="${y(tick) + 4}" class="axis" text-anchor="end">${tick}</text>`);
    parts.push(`<text x="${x(tick)}" y="${height - pad.bottom + 14}" class="axis" text-anchor="middle">${tick}</text>`);
  }
  // the legend: each label after the one before, spaced by its own length (a fixed step let "right when answered" run into the next swatch)
  let legendX = pad.left;
  for (const [name, color, get] of series) {
    const points = t.curve.flatMap((p) => {
      const v = get(p);
      return v === null ? [] : [`${x(p.threshold).toFixed(1)},${y(v).toFixed(1)}`];
    });
    if (points.length > 1) parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2"><title>${name}</title></polyline>`);
    parts.push(`<rect x="${legendX.toFixed(1)}" y="${height - 12}" width="10" height="10" fill="${color}"/><text x="${(legendX + 14).toFixed(1)}" y="${height - 3}" class="axis">${name}</text>`);
    legendX += 14 + labelWidth(name) + 18;
  }
  const c = t.chosen.threshold;
  parts.push(`<line x1="${x(c)}" x2="${x(c)}" y1="${pad.top}" y2="${pad.top + plotH}" stroke="#bf8700" stroke-dasharray="4 3"/><text x="${x(c) + 4}" y="${pad.top + 12}" class="axis">${c}</text>`);
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Threshold curve">${parts.join('')}</svg>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#6e7781}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:96px}
.card b{display:block;font-size:22px}.card span{color:#57606a;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:18px}
svg{border:1px solid #d0d7de;border-radius:6px;background:#fff}
svg .title{font-size:13px;font-weight:600}svg .axis{font-size:11px;fill:#57606a}svg .grid{stroke:#eaeef2}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border-bottom:1px solid #d8dee4;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}th.num{text-align:right}
table.compact{width:auto}table.compact td,table.compact th{padding:4px 14px}
.controls{display:flex;gap:8px;align-items:center;margin:8px 0}
input[type=search]{padding:5px 8px;width:320px;border:1px solid #d0d7de;border-radius:6px}
.muted{color:#57606a}
`;

const SCRIPT = `
(function(){
  var input=document.getElementById('filter'),only=document.getElementById('only'),count=document.getElementById('shown');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#cases tbody tr'));
  function apply(){
    var q=input.value.trim().toLowerCase(),v=only.value,n=0;
    rows.forEach(function(r){
      var ok=(q===''||r.textContent.toLowerCase().indexOf(q)>=0)&&(v==='all'||r.getAttribute('data-verdict')===v);
      r.hidden=!ok;if(ok)n++;
    });
    count.textContent=n+' of '+rows.length+' cases';
  }
  var h=new URLSearchParams(location.hash.slice(1));
  if(h.get('q'))input.value=h.get('q');
  if(h.get('only'))only.value=h.get('only');
  input.addEventListener('input',apply);only.addEventListener('change',apply);apply();
})();
`;

/** The questions right in both runs whose answer changed since the baseline, as a list under the changed cases; '' when none. */
function answersChangedHtml(changed: readonly AnswerChange[]): string {
  if (changed.length === 0) return '';
  // one item an entry, with every question that reaches it (a FAQ row asked by six paraphrases is one edit)
  const items = groupAnswersChanged(changed).map((g) => `<li>${g.cases.map((c) => `${htmlEscape(c.q)} <span class="muted">${htmlEscape(`${c.file}:${c.line}`)}</span>`).join(', ')} <span class="muted">→ ${htmlEscape(g.id)}${g.question === null ? '' : ` “${htmlEscape(g.question)}”`}</span><br>${htmlEscape(g.answer)}</li>`);
  return `<p><b>${changed.length === 1 ? '1 question right in both runs is' : `${changed.length} questions right in both runs are`} answered with text changed since the baseline</b> — check that the new answers say what customers should be told:</p><ul id="answers-changed">${items.join('')}</ul>`;
}

export function htmlReport(run: EvalRun, options: { failOnRegression?: boolean; title?: string } = {}): string {
  const { summary, report } = run;
  const o = summary.overall;
  const failOnRegression = options.failOnRegression === true;
  const reasons = failReasons(run, failOnRegression);
  const passed = reasons.length === 0;
  const title = options.title ?? 'kb eval report';
  const card = (value: string, label: string): string => `<div class="card"><b>${htmlEscape(value)}</b><span>${htmlEscape(label)}</span></div>`;
  const cards = [card(f3(o.hit1), 'hit@1'), card(f3(o.hit3), 'hit@3'), card(f3(o.hitK), `hit@${o.k}`), card(f3(o.mrr), `MRR@${o.k}`), card(String(o.cases), 'in-scope cases'), card(String(o.outOfScope), 'out of scope'), card(`${summary.latencyMs.p50.toFixed(2)} ms`, 'latency p50'), card(`${summary.latencyMs.p95.toFixed(2)} ms`, 'latency p95')];
  const t = summary.threshold;
  if (t !== undefined) {
    cards.push(card(String(t.chosen.threshold), t.mode === 'auto' ? `threshold (${thresholdHow(t)})` : 'threshold'), card(pct(t.chosen.answeredRate), 'answered'), card(pct(t.chosen.accuracyOfAnswered), 'right when answered'), card(pct(t.chosen.falseAnswerRate), 'false answers'), card(pct(t.chosen.decisionAccuracy), 'correct decisions'));
  }
  const rankBars: Bar[] = summary.ranks.byRank.map((n, i) => ({ label: `#${i + 1}`, values: [{ value: n, color: i === 0 ? '#2da44e' : '#bf8700', name: 'cases' }] }));
  rankBars.push({ label: 'miss', values: [{ value: summary.ranks.miss, color: '#cf222e', name: 'cases' }] });
  const hist = confidenceHistogram(run);
  const histBars: Bar[] = hist.right.map((r, i) => ({
    label: (i / 10).toFixed(1),
    values: [
      { value: r, color: '#2da44e', name: 'top hit right' },
      { value: hist.wrong[i] ?? 0, color: '#cf222e', name: 'top hit wrong' },
    ],
  }));
  const body: string[] = [];
  const noGates = noGatesNote(run, failOnRegression);
  if (noGates !== undefined) body.push(`<h1>${htmlEscape(title)}: <span class="muted">no gates set</span></h1>`, `<p id="why">${htmlEscape(capitalized(noGates))}.</p>`);
  else body.push(`<h1>${htmlEscape(title)}: <span class="${passed ? 'pass' : 'fail'}">${passed ? 'passed' : 'failed'}</span></h1>`);
  if (!passed) body.push(`<p class="fail" id="why">Failed: ${reasons.map(htmlEscape).join('; ')}.</p>`);
  body.push(`<div class="muted">${run.index === undefined ? '' : `index ${htmlEscape(run.index)} · `}${report.cases.length} cases in ${summary.suites.length} suite${summary.suites.length === 1 ? '' : 's'}</div>`);
  const unreadable = run.unreadable ?? [];
  if (unreadable.length > 0) body.push(`<h2>${htmlEscape(unreadableTitle(unreadable))}</h2><ul>${unreadable.map((p) => `<li class="fail">✘ ${htmlEscape(problemPlace(p))}: ${htmlEscape(p.message)}</li>`).join('')}</ul>`);
  const checks = checksOf(run, failOnRegression);
  if (checks.length > 0) {
    body.push(
      `<h2>Gates</h2><table id="gates" class="compact"><thead><tr><th></th><th>gate</th><th>measured</th><th>set by</th></tr></thead><tbody>${checks
        .map((c) => `<tr class="${c.ok ? 'pass' : 'fail'}"><td>${c.ok ? '✔' : '✘'}</td><td>${htmlEscape(c.name)}</td><td>${htmlEscape(c.measured)}</td><td class="muted">${htmlEscape(c.from)}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  if (run.baseline !== undefined) {
    const b = run.baseline;
    const li = (c: (typeof b.newlyFailing)[number], cls: string): string => {
      const why = cls === 'fail' ? changeWhy(run, c) : '';
      return `<li class="${cls}">${htmlEscape(c.q)} <span class="muted">expected ${htmlEscape(describeExpect(c.expect))}${why === '' ? '' : ` · ${htmlEscape(why)}`} · ${htmlEscape(`${c.file}:${c.line}`)}</span></li>`;
    };
    const note = baselineThresholdNote(b);
    const changes = metricChanges(run);
    const figures =
      changes.length === 0
        ? ''
        : `<table id="against" class="compact"><thead><tr><th></th><th class="num">${htmlEscape(b.file)}</th><th class="num">this run</th><th class="num">change</th></tr></thead><tbody>${changes
            .map((c) => `<tr><td>${htmlEscape(c.name)}</td><td class="num">${f3(c.baseline ?? null)}</td><td class="num">${f3(c.now)}</td><td class="num ${c.baseline === undefined || c.now === c.baseline ? '' : c.now < c.baseline ? 'fail' : 'pass'}">${signedChange(c)}</td></tr>`)
            .join('')}</tbody></table>${baselineCasesDiffer(run) ? `<p class="muted">The baseline's figures are over other cases: ${b.added} new here, ${b.removed} gone.</p>` : ''}`;
    body.push(`<h2>Against the baseline</h2>${figures}<p>${b.newlyFailing.length} newly failing, ${b.newlyPassing.length} newly passing, ${b.added} new cases, ${b.removed} cases gone.</p>${note === undefined ? '' : `<p class="muted">${htmlEscape(`${note.charAt(0).toUpperCase()}${note.slice(1)}.`)}</p>`}<ul>${b.newlyFailing.map((c) => li(c, 'fail')).join('')}${b.newlyPassing.map((c) => li(c, 'pass')).join('')}</ul>${answersChangedHtml(b.answersChanged ?? [])}`);
  }
  body.push(`<h2>Metrics</h2><div class="cards">${cards.join('')}</div>`);
  body.push(`<h2>Charts</h2><div class="charts">${barChart('Rank of the right answer (in-scope cases)', rankBars)}${barChart('Top-hit confidence: right (green) and wrong (red)', histBars)}${curveChart(run)}</div>`);
  const groupRows: [string, GroupMetrics][] = [...summary.suites.map((s): [string, GroupMetrics] => ['suite', s]), ...summary.tags.map((s): [string, GroupMetrics] => ['tag', s])];
  body.push(
    `<h2>Suites and tags</h2><table><thead><tr><th></th><th>name</th><th>cases</th><th>hit@1</th><th>hit@3</th><th>hit@${o.k}</th><th>MRR@${o.k}</th><th>out of scope</th></tr></thead><tbody>${groupRows
      .map(([kind, s]) => `<tr><td class="muted">${kind}</td><td>${htmlEscape(s.name)}</td><td class="num">${s.cases}</td><td class="num">${g3(s, s.hit1)}</td><td class="num">${g3(s, s.hit3)}</td><td class="num">${g3(s, s.hitK)}</td><td class="num">${g3(s, s.mrr)}</td><td class="num">${s.outOfScope}</td></tr>`)
      .join('')}</tbody></table>`,
  );
  if (t !== undefined) {
    body.push(
      `<h2>Threshold curve</h2><table><thead><tr><th>threshold</th><th>answered</th><th>right when answered</th><th>handed off</th><th>false answers</th><th>correct decisions</th></tr></thead><tbody>${t.curve
        .map((p) => `<tr${p.threshold === t.chosen.threshold ? ' class="pass"' : ''}><td class="num">${p.threshold.toFixed(2)}</td><td class="num">${pct(p.answeredRate)}</td><td class="num">${pct(p.accuracyOfAnswered)}</td><td class="num">${pct(p.handoffRate)}</td><td class="num">${pct(p.falseAnswerRate)}</td><td class="num">${pct(p.decisionAccuracy)}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  if (run.gaps !== undefined && run.gaps.length > 0) {
    body.push(
      `<h2>Gaps</h2><table><thead><tr><th>questions</th><th>key terms</th><th>examples</th><th>nearest entry</th></tr></thead><tbody>${run.gaps
        .slice(0, 30)
        .map((g) => `<tr><td class="num">${g.size}</td><td>${htmlEscape(g.terms.join(', '))}</td><td>${g.examples.slice(0, 5).map((e) => htmlEscape(e.text)).join('<br>')}</td><td>${g.nearest[0] === undefined ? '–' : htmlEscape(`${g.nearest[0].id} “${g.nearest[0].question}” (${g.nearest[0].confidence})`)}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  if (run.coverage !== undefined) {
    const cv = run.coverage;
    body.push(`<h2>Coverage</h2><p>${cv.covered} of ${cv.entries} entries are found by some case; ${cv.uncovered.length} never are.</p><table><thead><tr><th>source</th><th>entries</th><th>never found</th></tr></thead><tbody>${cv.bySource.map((s) => `<tr><td>${htmlEscape(s.source)}</td><td class="num">${s.entries}</td><td class="num">${s.uncovered}</td></tr>`).join('')}</tbody></table>`);
    if (cv.uncovered.length > 0) {
      body.push(`<details><summary>Entries no case finds (${cv.uncovered.length})</summary><table><thead><tr><th>entry</th><th>question</th><th>source</th></tr></thead><tbody>${cv.uncovered.map((u) => `<tr><td>${htmlEscape(u.id)}</td><td>${htmlEscape(u.question)}</td><td class="muted">${htmlEscape(coverageSource(u))}</td></tr>`).join('')}</tbody></table></details>`);
    }
  }
  const rows = report.cases.map((c, i) => {
    const v = summary.verdicts[i] ?? { verdict: 'skip' as const };
    const newly = v.verdict === 'fail' && isNewlyFailing(run, c) ? '<br><b class="fail">newly failing</b>' : '';
    return `<tr data-verdict="${v.verdict}"><td class="${v.verdict}">${v.verdict}${newly}${v.reason === undefined ? '' : `<br><span class="muted">${htmlEscape(describeReason(c, v.reason))}</span>`}</td><td>${htmlEscape(c.q)}</td><td>${htmlEscape(describeExpect(c.expect))}</td><td>${htmlEscape(describeGot(c))}</td><td class="num">${c.rank ?? '–'}</td><td>${htmlEscape(c.tags.join(', '))}</td><td class="muted">${htmlEscape(`${c.file}:${c.line}`)}</td></tr>`;
  });
  body.push(
    `<h2>Cases</h2><div class="controls"><input id="filter" type="search" placeholder="Search questions, ids, files…" aria-label="Search cases"><select id="only" aria-label="Show"><option value="all">all</option><option value="fail">failing</option><option value="pass">passing</option><option value="skip">not judged</option></select><span id="shown" class="muted"></span></div>`,
    `<table id="cases"><thead><tr><th>verdict</th><th>question</th><th>expected</th><th>top hit</th><th>rank</th><th>tags</th><th>where</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${htmlEscape(title)}</title><style>${STYLE}</style></head>\n<body>\n${body.join('\n')}\n<script>${SCRIPT}</script>\n</body></html>\n`;
}
