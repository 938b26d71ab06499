// Summaries of a V8 .cpuprofile (node --cpu-prof): where a kb build or query run spends its time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function fileOf(url) {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + 1);
  const dist = path.indexOf('/dist/');
  return dist >= 0 ? path.slice(dist + 1) : path;
}

/** kb's own compiled code (dist/), not a package's. */
const isKb = (url) => /\/dist\//.test(url) && !/\/node_modules\//.test(url);

function keyOf(node) {
  const f = node.callFrame;
  const file = fileOf(f.url);
  return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
}

function sourceLine(url, line) {
  try {
    const text = readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8');
    return (text.split('\n')[line - 1] ?? '').trim();
  } catch {
    return '';
  }
}

/**
 * Self and inclusive time per function (ms), from the samples (inclusive time counts a function
 * once per sample however deep it recurses), and the hottest source lines of kb's own code
 * (dist/) with their text, read while the profiled files still exist.
 */
export function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(samples[i]);
    if (node === undefined) continue;
    const k = keyOf(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  // line ticks of kb's functions: share of all samples, with the line's text
  const ticks = new Map();
  let allTicks = 0;
  for (const n of profile.nodes) {
    for (const t of n.positionTicks ?? []) {
      allTicks += t.ticks;
      if (!isKb(n.callFrame.url)) continue;
      const k = `${n.callFrame.url}\u0000${t.line}\u0000${n.callFrame.functionName || '(anonymous)'}`;
      ticks.set(k, (ticks.get(k) ?? 0) + t.ticks);
    }
  }
  const totalTicks = samples.length || allTicks || 1;
  const lines = [...ticks]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, n]) => {
      const [url, line, fn] = k.split('\u0000');
      return { where: `${fileOf(url)}:${line}`, fn, share: n / totalTicks, ms: (n / totalTicks) * total, text: sourceLine(url, Number(line)).slice(0, 110) };
    });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  const skip = /^\((root|program|idle)\)|^\(anonymous\)$/;
  return {
    totalMs: total,
    self: sorted(self).slice(0, top),
    inclusive: sorted(inclusive).filter(([k]) => !skip.test(k) && / dist\//.test(k)).slice(0, top),
    lines,
  };
}
