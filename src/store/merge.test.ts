import { describe, expect, it } from 'vitest';
import type { Entry } from './entry.js';
import { faqRowHash } from '../generate/faq-hash.js';
import { mergeEntries, successorIn } from './merge.js';

const src = (path: string) => ({ path, headingPath: ['退货', '第三条'] });
const gen = (id: string, hash: string, extra: Partial<Entry> = {}): Entry => ({
  id,
  question: `${id} 怎么办？`,
  similar: [`${id} 咋办`],
  answer: `${id} 的条文 ${hash}`,
  origin: 'generated',
  status: 'pending',
  source: src('policy.txt'),
  sourceHash: hash,
  ...extra,
});
const scope = (read: string[] = ['policy.txt'], missing: string[] = []) => ({ read: new Set(read), missing: new Set(missing) });

describe('merging regenerated entries into the store', () => {
  it('adds new entries and leaves entries of unchanged sources exactly as they are', () => {
    const approved = gen('a', 'h1', { status: 'approved', question: '编辑改过的问题？', edited: true });
    const pending = gen('b', 'h2', { notes: '待确认' });
    const { entries, report } = mergeEntries([approved, pending], [gen('a', 'h1'), gen('b', 'h2', { question: '新规则的问题？' }), gen('c', 'h3')], scope());
    expect(entries.find((e) => e.id === 'a')).toEqual(approved);
    expect(entries.find((e) => e.id === 'b')).toEqual(pending);
    expect(report.added).toEqual(['c']);
    expect(report.unchanged).toBe(2);
  });

  it('replaces an untouched entry whose source changed, keeping the editor notes and suggested questions', () => {
    const old = gen('a', 'h1', { notes: 'n', suggested: ['客户问法'] });
    const { entries, report } = mergeEntries([old], [gen('a', 'h9')], scope());
    expect(report.updated).toEqual(['a']);
    expect(entries[0]).toMatchObject({ answer: 'a 的条文 h9', sourceHash: 'h9', notes: 'n', suggested: ['客户问法'], status: 'pending' });
    expect(entries[0]?.stale).toBeUndefined();
  });

  it('replace: an untouched entry of an unchanged source takes the other generator’s questions; a reviewed one stays', () => {
    const rules = gen('a', 'h1', { rule: 'heading', notes: 'n' });
    const approved = gen('b', 'h2', { rule: 'heading', status: 'approved' });
    const other = gen('c', 'h3', { rule: 'heading' });
    const fresh = [gen('a', 'h1', { question: '模型的问题？', rule: 'llm' }), gen('b', 'h2', { question: '模型的问题二？', rule: 'llm' }), gen('c', 'h3', { rule: 'heading' })];
    const { entries, report } = mergeEntries([rules, approved, other], fresh, { ...scope(), replace: new Set(['a', 'b']) });
    expect(report.updated).toEqual(['a']);
    expect(report.unchanged).toBe(2);
    expect(entries[0]).toMatchObject({ question: '模型的问题？', rule: 'llm', notes: 'n' });
    expect(entries[1]).toEqual(approved);
    expect(entries[2]).toEqual(other);
  });

  it('takes a changed FAQ row as it is when it is still as its table made it (approved, unedited)', () => {
    const faqRow = (hash: string, extra: Partial<Entry> = {}): Entry => gen('faq-1', hash, { origin: 'faq', status: 'approved', source: src('faq.csv'), ...extra });
    const fromTable = mergeEntries([faqRow('h1')], [faqRow('h2', { answer: '新的答案' })], scope(['faq.csv']));
    expect(fromTable.report.updated).toEqual(['faq-1']);
    expect(fromTable.entries[0]).toMatchObject({ answer: '新的答案', status: 'approved' });
    expect(fromTable.entries[0]?.stale).toBeUndefined();
    // an editor's word on a FAQ row (rejected, or its text rewritten) is kept and flagged as before
    const rejected = mergeEntries([faqRow('h1', { status: 'rejected' })], [faqRow('h2')], scope(['faq.csv']));
    expect(rejected.entries[0]).toMatchObject({ status: 'rejected', stale: 'source-changed' });
    const edited = mergeEntries([faqRow('h1', { answer: '编辑的答案', edited: true, editedFields: ['answer'] })], [faqRow('h2')], scope(['faq.csv']));
    expect(edited.entries[0]).toMatchObject({ answer: '编辑的答案', stale: 'source-changed' });
  });

  it('keeps an editor decision when the source changed and marks it for re-review', () => {
    const edited = gen('a', 'h1', { status: 'approved', question: '编辑的问题？', answer: '编辑的答案', edited: true });
    const approved = gen('b', 'h2', { status: 'approved' });
    const rejected = gen('c', 'h3', { status: 'rejected' });
    const { entries, report } = mergeEntries([edited, approved, rejected], [gen('a', 'h7'), gen('b', 'h8'), gen('c', 'h9')], scope());
    expect(report.sourceChanged).toEqual(['a', 'b', 'c']);
    const [a, b, c] = entries;
    expect(a).toMatchObject({ question: '编辑的问题？', answer: '编辑的答案', status: 'approved', stale: 'source-changed', sourceHash: 'h7' });
    // not edited: the new source text is the answer, the editor's approval and the flag stay
    expect(b).toMatchObject({ answer: 'b 的条文 h8', status: 'approved', stale: 'source-changed' });
    expect(c).toMatchObject({ status: 'rejected', stale: 'source-changed' });
  });

  it('takes the new source text for the fields an editor did not rewrite and keeps the ones they did', () => {
    const question = gen('q', 'h1', { status: 'approved', question: '编辑的问题？', edited: true, editedFields: ['question'], rule: 'heading' });
    const answer = gen('a', 'h2', { status: 'approved', answer: '编辑的答案', edited: true, editedFields: ['answer'] });
    const similar = gen('s', 'h3', { similar: ['编辑的问法'], edited: true, editedFields: ['similar'] });
    const fresh = [gen('q', 'h7', { rule: 'who-pays' }), gen('a', 'h8', { rule: 'fee' }), gen('s', 'h9')];
    const { entries, report } = mergeEntries([question, answer, similar], fresh, scope());
    expect(report.sourceChanged).toEqual(['q', 'a', 's']);
    const [q, a, s] = entries;
    // the policy text changed: the answer nobody rewrote is the new one, the editor's question stays
    expect(q).toEqual({ ...question, answer: 'q 的条文 h7', similar: ['q 咋办'], sourceHash: 'h7', stale: 'source-changed', reviewedHash: 'h1' });
    // a fresh question brings its rule with it
    expect(a).toEqual({ ...answer, question: 'a 怎么办？', rule: 'fee', sourceHash: 'h8', stale: 'source-changed', reviewedHash: 'h2' });
    expect(s).toMatchObject({ question: 's 怎么办？', similar: ['编辑的问法'], answer: 's 的条文 h9', status: 'pending', stale: 'source-changed' });
  });

  it('clears the mark when the source goes back to the text the editor reviewed, keeping it through a second change', () => {
    const edited = gen('a', 'h1', { status: 'approved', answer: '编辑的答案', edited: true, editedFields: ['answer'] });
    const changed = mergeEntries([edited], [gen('a', 'h2')], scope()).entries;
    expect(changed[0]).toMatchObject({ stale: 'source-changed', reviewedHash: 'h1', sourceHash: 'h2' });
    const again = mergeEntries(changed, [gen('a', 'h3')], scope());
    expect(again.entries[0]).toMatchObject({ stale: 'source-changed', reviewedHash: 'h1', sourceHash: 'h3' });
    expect(again.report.sourceChanged).toEqual(['a']);
    const back = mergeEntries(again.entries, [gen('a', 'h1')], scope());
    expect(back.report).toMatchObject({ restored: ['a'], sourceChanged: [] });
    expect(back.entries).toEqual([edited]);
    // a mark from an older store (no reviewedHash) stays: what the editor saw is not known
    const legacy = mergeEntries([{ ...edited, sourceHash: 'h2', stale: 'source-changed' }], [gen('a', 'h1')], scope());
    expect(legacy.entries[0]?.stale).toBe('source-changed');
    expect(legacy.entries[0]?.reviewedHash).toBeUndefined();
  });

  it('keeps every text of an entry an older store marks edited as a whole', () => {
    const legacy = gen('a', 'h1', { status: 'approved', question: '编辑的问题？', edited: true });
    const { entries } = mergeEntries([legacy], [gen('a', 'h7')], scope());
    expect(entries[0]).toEqual({ ...legacy, sourceHash: 'h7', stale: 'source-changed', reviewedHash: 'h1' });
  });

  it('removes untouched entries whose section vanished, keeps and marks reviewed ones, reports vanished files', () => {
    const store = [gen('a', 'h1'), gen('b', 'h2', { status: 'approved' }), gen('x', 'h3', { source: src('gone.md') }), gen('y', 'h4', { source: src('gone.md'), edited: true })];
    const { entries, report } = mergeEntries(store, [], scope(['policy.txt'], ['gone.md']));
    expect(report.removed).toEqual(['a', 'x']);
    expect(report.sourceMissing).toEqual(['b', 'y']);
    expect(entries.map((e) => [e.id, e.stale])).toEqual([
      ['b', 'source-missing'],
      ['y', 'source-missing'],
    ]);
    expect(report.vanishedFiles).toEqual(['gone.md']);
  });

  it('tells FAQ rows gone from their table (deleted or switched off, 停用) from sections that vanished', () => {
    // a FAQ row comes approved with its table: kb generate called a switched-off row an unreviewed entry whose section vanished
    const row = gen('K3', 'h1', { origin: 'faq', status: 'approved', source: src('faq.csv') });
    const { report } = mergeEntries([row, gen('a', 'h2')], [], scope(['policy.txt', 'faq.csv']));
    expect(report.removed).toEqual(['K3', 'a']);
    expect(report.removedRows).toEqual(['K3']);
    // one an editor worked on is kept, and listed as a row too (the summary says deleted or switched off, not "section vanished")
    const edited = { ...row, answer: '编辑改写', edited: true, editedFields: ['answer' as const] };
    const kept = mergeEntries([edited, gen('b', 'h3', { status: 'approved' })], [], scope(['policy.txt', 'faq.csv'])).report;
    expect(kept.sourceMissing).toEqual(['K3', 'b']);
    expect(kept.missingRows).toEqual(['K3']);
  });

  it('keeps a pending entry with a note or a suggested question when its section vanishes (a heading renamed): the editor’s work is not removed with it', () => {
    const noted = gen('n', 'h1', { notes: '和法务确认过' });
    const suggested = gen('s', 'h2', { suggested: ['客户的问法？'] });
    const blank = gen('e', 'h3', { notes: '', suggested: [] });
    const { entries, report } = mergeEntries([noted, suggested, blank], [], scope());
    expect(report.removed).toEqual(['e']);
    expect(report.sourceMissing).toEqual(['n', 's']);
    expect(entries).toEqual([
      { ...noted, stale: 'source-missing' },
      { ...suggested, stale: 'source-missing' },
    ]);
    // its section back as it was: the mark goes, the note stays
    const back = mergeEntries(entries, [gen('n', 'h1'), gen('s', 'h2')], scope());
    expect(back.entries).toEqual([noted, suggested]);
  });

  it('leaves a rejected entry whose section vanished as the editor left it: no source-missing mark to review again on every run', () => {
    // rejected after kb generate had marked it source-missing, as docs/review.md advises for a section gone for good
    const gone = gen('r', 'h1', { status: 'rejected', edited: true, editedFields: ['question'], question: '编辑的问题？' });
    const first = mergeEntries([{ ...gone, stale: 'source-missing' }, gen('b', 'h2', { status: 'approved' })], [], scope(['policy.txt']));
    expect(first.report.sourceMissing).toEqual(['b']);
    expect(first.report.unchanged).toBe(1);
    expect(first.entries.find((e) => e.id === 'r')).toEqual(gone);
    const again = mergeEntries(first.entries, [], scope(['policy.txt']));
    expect(again.entries.find((e) => e.id === 'r')).toEqual(gone);
    expect(again.report.sourceMissing).toEqual(['b']);
  });

  it('carries the entries of a renamed file over to the new path, with their new ids, statuses and edits', () => {
    const at = (path: string) => ({ source: src(path) });
    const store = [
      gen('s-00000000000000a1', 'h1', { ...at('old.md'), status: 'approved', question: '编辑的问题？', edited: true, editedFields: ['question'], notes: 'n' }),
      gen('s-00000000000000a2-1', 'h2', { ...at('old.md'), origin: 'extracted' }),
      gen('s-00000000000000a2-2', 'h2', { ...at('old.md'), origin: 'extracted', status: 'rejected' }),
      gen('s-00000000000000a3', 'h3', { ...at('old.md'), status: 'approved', stale: 'source-missing' }),
      gen('s-00000000000000a4', 'h4', { ...at('old.md'), status: 'approved' }),
      gen('faq-own-id', 'h5', { ...at('old.csv'), origin: 'faq', status: 'approved' }),
    ];
    const fresh = [
      gen('s-00000000000000b1', 'h1', at('new.md')),
      gen('s-00000000000000b2-1', 'h2', { ...at('new.md'), origin: 'extracted' }),
      gen('s-00000000000000b2-2', 'h2', { ...at('new.md'), origin: 'extracted' }),
      gen('s-00000000000000b3', 'h3', at('new.md')),
      // a4's section changed on the way: not the same text, so not a move
      gen('s-00000000000000b4', 'h9', at('new.md')),
      gen('faq-own-id', 'h5', { ...at('new.csv'), origin: 'faq', status: 'approved' }),
    ];
    const { entries, report } = mergeEntries(store, fresh, scope(['new.md', 'new.csv'], ['old.md', 'old.csv']));
    expect(report.moved).toEqual([
      { from: 'old.csv', to: 'new.csv', entries: [{ from: 'faq-own-id', to: 'faq-own-id' }] },
      {
        from: 'old.md',
        to: 'new.md',
        entries: [
          { from: 's-00000000000000a1', to: 's-00000000000000b1' },
          { from: 's-00000000000000a2-1', to: 's-00000000000000b2-1' },
          { from: 's-00000000000000a2-2', to: 's-00000000000000b2-2' },
          { from: 's-00000000000000a3', to: 's-00000000000000b3' },
        ],
      },
    ]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('s-00000000000000b1')).toEqual({ ...store[0], id: 's-00000000000000b1', source: src('new.md') });
    expect(byId.get('s-00000000000000b2-2')).toMatchObject({ status: 'rejected', source: src('new.md') });
    // found again: no longer marked missing
    expect(byId.get('s-00000000000000b3')).toMatchObject({ status: 'approved', source: src('new.md') });
    expect(byId.get('s-00000000000000b3')?.stale).toBeUndefined();
    expect(byId.get('faq-own-id')?.source?.path).toBe('new.csv');
    // the changed section: the reviewed old entry is kept and marked, the fresh one added
    expect(byId.get('s-00000000000000a4')?.stale).toBe('source-missing');
    expect(report.added).toEqual(['s-00000000000000b4']);
    expect(report.sourceMissing).toEqual(['s-00000000000000a4']);
    expect(entries).toHaveLength(7);
    expect(report.vanishedFiles).toEqual(['old.md']);
  });

  it('leaves alone manual entries and entries of sources this run did not read (failed or not named)', () => {
    const manual: Entry = { id: 'm', question: '人工加的问题？', similar: [], answer: '答', origin: 'manual', status: 'approved' };
    const other = gen('o', 'h1', { source: src('other.txt') });
    const { entries, report } = mergeEntries([manual, other], [], scope(['policy.txt']));
    expect(entries).toEqual([manual, other]);
    expect(report.outOfScope).toBe(2);
    expect(report.removed).toEqual([]);
  });

  describe('a renamed heading (a section vanished, a new one of mostly the same text in the same file)', () => {
    const policy = '自签收之日起30天内，商品完好、配件齐全、不影响二次销售的，可申请无理由退货。贴身衣物拆封后不支持无理由退货；生鲜食品、鲜花不支持无理由退货。';
    const section = (id: string, heading: string, hash: string, extra: Partial<Entry> = {}): Entry =>
      gen(id, hash, { question: `${heading}是什么？`, similar: [`${heading}有什么规定？`], answer: policy, source: { path: 'policy.md', headingPath: ['退换货政策', heading] }, rule: 'heading', ...extra });
    const oldId = 's-00000000000000a1';
    const newId = 's-00000000000000b1';

    it('carries the editor’s decision, rewritten texts and added similar questions over to the new entry, marked for re-review', () => {
      const approved = section(oldId, '一、七天无理由退货', 'h1', { status: 'approved', similar: ['一、七天无理由退货有什么规定？', '东西不想要了能退吗'], addedSimilar: ['东西不想要了能退吗'], notes: '运营确认过', suggested: ['买错了能退吗'] });
      const { entries, report } = mergeEntries([approved], [section(newId, '一、三十天无理由退货', 'h2')], scope(['policy.md']));
      expect(report.renamed).toEqual([{ from: oldId, to: newId, similarity: expect.any(Number) }]);
      expect(report.renamed[0]?.similarity).toBeGreaterThan(0.9);
      expect(report.added).toEqual([]);
      expect(report.sourceMissing).toEqual([]);
      expect(entries).toEqual([
        {
          ...approved,
          id: newId,
          question: '一、三十天无理由退货是什么？',
          similar: ['一、三十天无理由退货有什么规定？', '东西不想要了能退吗'],
          source: { path: 'policy.md', headingPath: ['退换货政策', '一、三十天无理由退货'] },
          sourceHash: 'h2',
          stale: 'source-changed',
          // the text the editor approved (its heading path): renamed back, the mark goes
          reviewedHash: 'h1',
        },
      ]);
    });

    it('an editor’s own list of similar questions is kept, with the section’s place line following the new heading', () => {
      const pruned = section(oldId, '一、七天无理由退货', 'h1', { status: 'approved', similar: ['退换货政策 / 一、七天无理由退货', '东西不想要了能退吗'], edited: true, editedFields: ['similar'] });
      const { entries } = mergeEntries([pruned], [section(newId, '一、三十天无理由退货', 'h2', { similar: ['一、三十天无理由退货有什么规定？', '退换货政策 / 一、三十天无理由退货'] })], scope(['policy.md']));
      expect(entries[0]?.similar).toEqual(['退换货政策 / 一、三十天无理由退货', '东西不想要了能退吗']);
    });

    it('keeps an editor’s rewritten question and answer, and carries notes of an entry nobody reviewed (no re-review mark)', () => {
      const edited = section(oldId, '一、七天无理由退货', 'h1', { question: '不想要了能退吗？', answer: `${policy}（编辑补充）`, edited: true, editedFields: ['question', 'answer'] });
      const noted = section('s-00000000000000a2', '二、质量问题退换', 'h3', { answer: '质量问题自签收之日起30天内可申请退货或换货，往返运费由商家承担。', notes: '待确认' });
      const fresh = [section(newId, '一、三十天无理由退货', 'h2'), section('s-00000000000000b2', '二、质量问题的退换', 'h4', { answer: '质量问题自签收之日起30天内可申请退货或换货，往返运费由商家承担。' })];
      const { entries, report } = mergeEntries([edited, noted], fresh, scope(['policy.md']));
      expect(report.renamed.map((r) => [r.from, r.to])).toEqual([
        [oldId, newId],
        ['s-00000000000000a2', 's-00000000000000b2'],
      ]);
      expect(entries.find((e) => e.id === newId)).toMatchObject({ question: '不想要了能退吗？', answer: `${policy}（编辑补充）`, stale: 'source-changed', sourceHash: 'h2' });
      const carried = entries.find((e) => e.id === 's-00000000000000b2');
      expect(carried).toMatchObject({ notes: '待确认', status: 'pending', question: '二、质量问题的退换是什么？' });
      expect(carried?.stale).toBeUndefined();
    });

    it('is conservative: a new section of other text, or two alike new sections, leave the old entry source-missing', () => {
      const approved = section(oldId, '一、七天无理由退货', 'h1', { status: 'approved' });
      const other = mergeEntries([approved], [section(newId, '六、价格保护', 'h2', { answer: '签收后7天内，同一商品在本店降价的，可申请补差价（限时秒杀除外）。' })], scope(['policy.md']));
      expect(other.report.renamed).toEqual([]);
      expect(other.report.sourceMissing).toEqual([oldId]);
      expect(other.report.added).toEqual([newId]);
      const twice = mergeEntries([approved], [section(newId, '一、三十天无理由退货', 'h2'), section('s-00000000000000b2', '一、十五天无理由退货', 'h3')], scope(['policy.md']));
      expect(twice.report.renamed).toEqual([]);
      expect(twice.report.sourceMissing).toEqual([oldId]);
      // another file's new section is no rename
      const elsewhere = mergeEntries([approved], [section(newId, '一、三十天无理由退货', 'h2', { source: { path: 'other.md', headingPath: ['退换货政策', '一、三十天无理由退货'] } })], scope(['policy.md', 'other.md']));
      expect(elsewhere.report.renamed).toEqual([]);
    });

    it('a shared boilerplate answer is no rename: a deleted section’s decision does not go to a new section of another name', () => {
      const boilerplate = '请联系在线客服并提供订单号，我们会在核实后为您登记处理，工作日24小时内处理';
      const invoice = section(oldId, '发票问题', 'h1', { status: 'approved', answer: boilerplate });
      const { entries, report } = mergeEntries([invoice], [section(newId, '保价问题', 'h2', { answer: boilerplate })], scope(['policy.md']));
      expect(report.renamed).toEqual([]);
      expect(report.sourceMissing).toEqual([oldId]);
      expect(report.added).toEqual([newId]);
      expect(entries.find((e) => e.id === newId)?.status).toBe('pending');
      // the same text under a heading that is a number only (an article renumbered) is one, in the same place
      const article = (id: string, heading: string, hash: string, parent = '第二章') => gen(id, hash, { status: 'approved', answer: policy, source: { path: 'policy.md', headingPath: [parent, heading] } });
      const renumbered = mergeEntries([article(oldId, '第三条', 'h1')], [article(newId, '第四条', 'h2')], scope(['policy.md']));
      expect(renumbered.report.renamed.map((r) => r.to)).toEqual([newId]);
      const otherChapter = mergeEntries([article(oldId, '第三条', 'h1')], [article(newId, '第四条', 'h2', '第三章')], scope(['policy.md']));
      expect(otherChapter.report.renamed).toEqual([]);
      // a small edit of the text under the same name (the chapter above renamed) is one too
      const chapter = (id: string, parent: string, hash: string, answer: string) => gen(id, hash, { status: 'approved', answer, source: { path: 'policy.md', headingPath: [parent, '一、七天无理由退货'] } });
      const edited = mergeEntries([chapter(oldId, '第一章 总则', 'h1', policy)], [chapter(newId, '第一章 通则', 'h2', policy.replace('30天', '15天'))], scope(['policy.md']));
      expect(edited.report.renamed.map((r) => r.to)).toEqual([newId]);
    });

    it('the same text under a heading made longer is a rename (过敏处理 → 过敏与不良反应处理), a shared answer under another name still not', () => {
      const allergy = '使用后出现红肿、瘙痒等过敏反应的，请立即停用，并在3天内联系客服，核实后可办理退货退款。';
      const approved = section(oldId, '二、过敏处理', 'h1', { status: 'approved', answer: allergy, similar: ['过敏处理有什么规定？', '用了脸上起疹子怎么办'], addedSimilar: ['用了脸上起疹子怎么办'] });
      const longer = section(newId, '二、过敏与不良反应处理', 'h2', { answer: allergy, similar: ['过敏与不良反应处理有什么规定？'] });
      const { entries, report } = mergeEntries([approved], [longer], scope(['policy.md']));
      expect(report.renamed.map((r) => [r.from, r.to])).toEqual([[oldId, newId]]);
      expect(report.sourceMissing).toEqual([]);
      expect(entries).toEqual([expect.objectContaining({ id: newId, status: 'approved', stale: 'source-changed', similar: ['过敏与不良反应处理有什么规定？', '用了脸上起疹子怎么办'] })]);
      // …and back: the shorter name
      expect(mergeEntries([{ ...longer, status: 'approved' }], [{ ...approved, status: 'pending' }], scope(['policy.md'])).report.renamed.map((r) => r.to)).toEqual([oldId]);
      // the text changed too, or the name has little of the old one: not recognised
      expect(mergeEntries([approved], [{ ...longer, answer: `${allergy}需提供医院诊断证明。` }], scope(['policy.md'])).report.renamed).toEqual([]);
      expect(mergeEntries([approved], [section(newId, '二、售后须知', 'h2', { answer: allergy })], scope(['policy.md'])).report.renamed).toEqual([]);
      // under another chapter it is another section
      expect(mergeEntries([approved], [{ ...longer, source: { path: 'policy.md', headingPath: ['会员规则', '二、过敏与不良反应处理'] } }], scope(['policy.md'])).report.renamed).toEqual([]);
    });

    it('a section cut from one file and pasted into another (or a file split in two) takes the editor’s work along', () => {
      const refund = '仓库收到退货并验收合格后，1-3个工作日内原路退款。';
      const inPolicy = (id: string, heading: string, extra: Partial<Entry> = {}) => section(id, heading, 'h1', { answer: refund, ...extra });
      const edited = inPolicy(oldId, '五、退款时效', { status: 'approved', question: '退款多久到账？', edited: true, editedFields: ['question'], notes: '财务确认' });
      const pasted = section(newId, '一、退款时效', 'h2', { answer: refund, question: '退款需要多长时间？', source: { path: 'refund.md', headingPath: ['退款说明', '一、退款时效'] } });
      // the old file is still there (the section was cut from it), or gone (split into two new files)
      for (const s of [scope(['policy.md', 'refund.md']), scope(['refund.md'], ['policy.md'])]) {
        const { entries, report } = mergeEntries([edited], [pasted], s);
        expect(report.renamed.map((r) => [r.from, r.to])).toEqual([[oldId, newId]]);
        expect(report.added).toEqual([]);
        expect(report.sourceMissing).toEqual([]);
        // a file split in two is not reported as a file that vanished with reviewed entries
        expect(report.vanishedFiles).toEqual([]);
        expect(entries).toEqual([expect.objectContaining({ id: newId, question: '退款多久到账？', status: 'approved', notes: '财务确认', source: pasted.source, stale: 'source-changed' })]);
      }
      // not recognised: an answer the editor rewrote (the source's text is unknown), another name, other text, two candidates
      const rewritten = { ...edited, answer: '退款一般3天内到账', editedFields: ['answer' as const] };
      expect(mergeEntries([rewritten], [pasted], scope(['policy.md', 'refund.md'])).report.renamed).toEqual([]);
      expect(mergeEntries([edited], [{ ...pasted, source: { path: 'refund.md', headingPath: ['退款说明', '一、到账时间'] } }], scope(['policy.md', 'refund.md'])).report.renamed).toEqual([]);
      expect(mergeEntries([edited], [{ ...pasted, answer: `${refund}节假日顺延。` }], scope(['policy.md', 'refund.md'])).report.renamed).toEqual([]);
      const twice = [pasted, { ...pasted, id: 's-00000000000000b2', source: { path: 'faq.md', headingPath: ['常见问题', '退款时效'] } }];
      expect(mergeEntries([edited], twice, scope(['policy.md', 'refund.md', 'faq.md'])).report.renamed).toEqual([]);
    });

    it('an answer the editor rewrote: the rename is found by the heading path, the place and the unedited question', () => {
      const rewritten = section(oldId, '一、七天无理由退货', 'h1', { status: 'approved', answer: '不想要了？7天内在订单页点“申请退货”即可，内衣和生鲜除外。', edited: true, editedFields: ['answer'] });
      const { entries, report } = mergeEntries([rewritten], [section(newId, '一、三十天无理由退货', 'h2')], scope(['policy.md']));
      expect(report.renamed.map((r) => [r.from, r.to])).toEqual([[oldId, newId]]);
      expect(report.added).toEqual([]);
      expect(report.sourceMissing).toEqual([]);
      expect(entries).toEqual([expect.objectContaining({ id: newId, status: 'approved', answer: rewritten.answer, question: '一、三十天无理由退货是什么？', stale: 'source-changed' })]);
      // still conservative: another name, another chapter, or two alike new sections leave it source-missing
      const other = mergeEntries([rewritten], [section(newId, '六、价格保护', 'h2')], scope(['policy.md']));
      expect(other.report.renamed).toEqual([]);
      const moved = mergeEntries([rewritten], [section(newId, '一、三十天无理由退货', 'h2', { source: { path: 'policy.md', headingPath: ['会员规则', '一、三十天无理由退货'] } })], scope(['policy.md']));
      expect(moved.report.renamed).toEqual([]);
      const twice = mergeEntries([rewritten], [section(newId, '一、三十天无理由退货', 'h2'), section('s-00000000000000b2', '一、十五天无理由退货', 'h3')], scope(['policy.md']));
      expect(twice.report.renamed).toEqual([]);
      // an unedited question that has nothing to do with the new one says it is another section
      const asked = mergeEntries([{ ...rewritten, question: '贴身衣物能退吗？' }], [section(newId, '一、三十天无理由退货', 'h2')], scope(['policy.md']));
      expect(asked.report.renamed).toEqual([]);
    });
  });

  it('successorIn: where an entry went (kb review, for an edit open on it) — its file moved, its section renamed, or nowhere when two fit', () => {
    const old = gen('s-00000000000000a1', 'h1', { source: { path: 'policy.md', headingPath: ['退换货政策', '一、七天无理由退货'] } });
    const moved = gen('s-00000000000000c1', 'h1', { source: { path: 'returns.md', headingPath: ['退换货政策', '一、七天无理由退货'] } });
    const renamed = gen('s-00000000000000b1', 'h2', { answer: old.answer, source: { path: 'policy.md', headingPath: ['退换货政策', '一、三十天无理由退货'] } });
    const other = gen('s-00000000000000d1', 'h3', { answer: old.answer, source: { path: 'policy.md', headingPath: ['退换货政策', '六、价格保护'] } });
    expect(successorIn(old, [moved, other])?.id).toBe(moved.id);
    expect(successorIn(old, [renamed, other])?.id).toBe(renamed.id);
    expect(successorIn(old, [other])).toBeUndefined();
    expect(successorIn(old, [renamed, { ...renamed, id: 's-00000000000000b2', source: { path: 'policy.md', headingPath: ['退换货政策', '一、十五天无理由退货'] } }])).toBeUndefined();
  });

  it('a changed source: the similar questions an editor added stay, the generated ones follow the source', () => {
    const accepted = gen('a', 'h1', { status: 'approved', similar: ['15天内能退吗', '东西不想要了能退吗'], addedSimilar: ['东西不想要了能退吗'] });
    const { entries, report } = mergeEntries([accepted], [gen('a', 'h2', { similar: ['30天内能退吗', '30天内可以退货吗'] })], scope());
    expect(report.sourceChanged).toEqual(['a']);
    expect(entries[0]).toMatchObject({ similar: ['30天内能退吗', '30天内可以退货吗', '东西不想要了能退吗'], addedSimilar: ['东西不想要了能退吗'], stale: 'source-changed' });
    // a list the editor rewrote stays theirs
    const pruned = gen('a', 'h1', { status: 'approved', similar: ['15天内能退吗'], edited: true, editedFields: ['similar'] });
    expect(mergeEntries([pruned], [gen('a', 'h2', { similar: ['30天内能退吗'] })], scope()).entries[0]?.similar).toEqual(['15天内能退吗']);
  });
});

describe('FAQ rows without an id column that change places (a vendor export re-ordered, a duplicate added above)', () => {
  // a table without an id column: ids are made of the question and its occurrence (src/ingest/ingest.ts)
  const row = (id: string, hash: string, answer: string, extra: Partial<Entry> = {}): Entry => ({
    id,
    question: '怎么预约安装',
    similar: [],
    answer,
    origin: 'faq',
    status: 'approved',
    source: { path: 'faq.xlsx', headingPath: ['产品服务', '怎么预约安装'] },
    sourceHash: hash,
    ...extra,
  });
  const xlsx = scope(['faq.xlsx']);
  const A = 'faq-faq-0000000a';
  const B = 'faq-faq-0000000b';
  const C = 'faq-faq-0000000c';

  it('two rows asking the same question swapped: each entry follows its row, the editor’s answer stays on the row it was written for', () => {
    const aircon = row(A, 'h1', '编辑改写：空调安装请在公众号预约', { edited: true, editedFields: ['answer'] });
    const heater = row(B, 'h2', '热水器安装请拨打400');
    const { entries, report } = mergeEntries([aircon, heater], [row(A, 'h2', '热水器安装请拨打400'), row(B, 'h1', '空调安装在公众号预约')], xlsx);
    expect(entries.find((e) => e.id === B)).toEqual({ ...aircon, id: B });
    expect(entries.find((e) => e.id === A)).toEqual({ ...heater, id: A });
    expect(report.reordered).toEqual([{ from: A, to: B }, { from: B, to: A }]);
    // counted once, as re-ordered (before: also as unchanged, beside "changed 2 of 2")
    expect(report.unchanged).toBe(0);
    expect(report.sourceChanged).toEqual([]);
  });

  it('a duplicate added above: the editor’s entry follows its row to the new id, the duplicate comes in as a new row (before: the editor’s answer sat on the duplicate, marked stale, and the vendor’s old answer came back as a new approved entry)', () => {
    const edited = row(A, 'h1', '编辑改写的答案', { edited: true, editedFields: ['answer'] });
    const { entries, report } = mergeEntries([edited], [row(A, 'h9', '请咨询当地网点'), row(B, 'h1', '厂家原答案')], xlsx);
    expect(entries.find((e) => e.id === B)).toEqual({ ...edited, id: B });
    expect(entries.find((e) => e.id === A)).toMatchObject({ answer: '请咨询当地网点', sourceHash: 'h9' });
    expect(entries.find((e) => e.id === A)?.stale).toBeUndefined();
    expect(report.added).toEqual([A]);
    expect(report.reordered).toEqual([{ from: A, to: B }]);
  });

  it('the first of two rows deleted: the second row’s entry takes its id; the deleted one, untouched, is removed and reported', () => {
    const first = row(A, 'h1', '空调：公众号预约');
    const second = row(B, 'h2', '编辑改写：热水器拨打400', { edited: true, editedFields: ['answer'] });
    const { entries, report } = mergeEntries([first, second], [row(A, 'h2', '热水器拨打400')], xlsx);
    expect(entries).toEqual([{ ...second, id: A }]);
    expect(report.removedRows).toEqual([A]);
    expect(report.reordered).toEqual([{ from: B, to: A }]);
  });

  it('the first of two rows deleted, its entry holding an editor’s decision: it keeps the decision under an id no row has, the second row takes the id as it was (before: the rejection passed to the live row)', () => {
    const first = row(A, 'h1', '空调', { status: 'rejected' });
    const second = row(B, 'h2', '热水器', { notes: '核对过' });
    const { entries, report } = mergeEntries([first, second], [row(A, 'h2', '热水器')], xlsx);
    expect(entries.find((e) => e.id === A)).toEqual({ ...second, id: A });
    expect(entries.find((e) => e.id === `${A}-gone`)).toEqual({ ...first, id: `${A}-gone` });
    expect(entries).toHaveLength(2);
    expect(report.reordered).toEqual([{ from: B, to: A }]);
    expect(report.removed).toEqual([]);
  });

  it('two rows word for word the same: neither takes the other’s id; the row of a text unique on both sides still follows', () => {
    const twins = mergeEntries([row(A, 'h1', '同'), row(B, 'h2', '异', { notes: '异的备注' })], [row(A, 'h2', '异'), row(B, 'h1', '同'), row(C, 'h1', '同')], xlsx);
    expect(twins.report.reordered).toEqual([{ from: B, to: A }]);
    expect(twins.entries.find((e) => e.id === A)).toMatchObject({ answer: '异', notes: '异的备注' });
    expect(twins.report.added).toEqual([B, C]);
  });

  it('ids from the table’s id column are the team’s: K1 and K2 swapping texts is no re-ordering of rows without an id column', () => {
    const own = mergeEntries([row('K1', 'h1', '一'), row('K2', 'h2', '二')], [row('K1', 'h2', '二'), row('K2', 'h1', '一')], xlsx);
    expect(own.report.reordered).toEqual([]);
    expect(own.report.updated).toEqual(['K1', 'K2']);
    // nor is a team id shaped like kb's own (faq-<file>-<8 hex>) taken for one
    const team = mergeEntries([row('faq-refund-20261127', 'h1', '一'), row('faq-refund-20261128', 'h2', '二')], [row('faq-refund-20261127', 'h2', '二'), row('faq-refund-20261128', 'h1', '一')], xlsx);
    expect(team.report.reordered).toEqual([]);
  });

  describe('the same question in two categories (空调 / 热水器 怎么预约安装): the editor’s work stays with its category’s row', () => {
    const at = (id: string, category: string, answer: string, extra: Partial<Entry> = {}): Entry =>
      row(id, `${category}:${answer}`, answer, { source: { path: 'faq.xlsx', headingPath: [category, '怎么预约安装'] }, tags: [category], ...extra });
    const heaterRow = at(A, '热水器', '拨打400-800-1234');

    it('空调’s row deleted after its answer was rewritten: 热水器’s row takes the id as it was, 空调’s rewrite is kept source-missing and reported (before: 热水器 carried 空调’s answer and was reported removed)', () => {
      const aircon = at(A, '空调', '公众号预约', { answer: '编辑：公众号预约，48小时内上门', edited: true, editedFields: ['answer'] });
      const heater = at(B, '热水器', '拨打400-800-1234');
      const third = at(C, '净水器', '官网预约');
      const { entries, report } = mergeEntries([aircon, heater, third], [heaterRow, at(B, '净水器', '官网预约')], xlsx);
      expect(entries.find((e) => e.id === A)).toEqual({ ...heater, id: A });
      expect(entries.find((e) => e.id === B)).toEqual({ ...third, id: B });
      expect(entries.find((e) => e.id === `${A}-gone`)).toEqual({ ...aircon, id: `${A}-gone`, stale: 'source-missing' });
      expect(report.missingRows).toEqual([`${A}-gone`]);
      expect(report.removed).toEqual([]);
      expect(report.reordered).toEqual([{ from: B, to: A }, { from: C, to: B }]);
    });

    it('空调 rejected and its row switched off (停用), 热水器 with a note: 热水器’s live row stays approved, the rejection stays on 空调 (before: 热水器 became rejected, out of the index)', () => {
      const aircon = at(A, '空调', '公众号预约', { status: 'rejected' });
      const heater = at(B, '热水器', '拨打400-800-1234', { notes: '号码已核对' });
      const { entries } = mergeEntries([aircon, heater], [heaterRow], xlsx);
      expect(entries.find((e) => e.id === A)).toEqual({ ...heater, id: A });
      expect(entries.find((e) => e.id === `${A}-gone`)?.status).toBe('rejected');
    });

    it('rows re-ordered and 热水器’s phone number changed, both answers rewritten: each rewrite stays on its own category’s row (before: they swapped rows)', () => {
      const aircon = at(A, '空调', '公众号预约', { answer: '编辑：空调在公众号预约', edited: true, editedFields: ['answer'] });
      const heater = at(B, '热水器', '拨打400-800-1234', { answer: '编辑：热水器拨打400', edited: true, editedFields: ['answer'] });
      const fresh = [at(A, '热水器', '拨打400-900-5678'), at(B, '空调', '公众号预约')];
      const { entries, report } = mergeEntries([aircon, heater], fresh, xlsx);
      expect(entries.find((e) => e.id === B)).toEqual({ ...aircon, id: B });
      expect(entries.find((e) => e.id === A)).toMatchObject({ answer: '编辑：热水器拨打400', tags: ['热水器'], stale: 'source-changed', sourceHash: '热水器:拨打400-900-5678' });
      expect(report.sourceChanged).toEqual([A]);
      expect(report.reordered).toEqual([{ from: A, to: B }, { from: B, to: A }]);
    });
  });
});

describe('FAQ rows that take another id (a vendor export gains an id column, or renumbers it)', () => {
  const row = (id: string, question: string, answer: string, category: string, extra: Partial<Entry> = {}, rowId?: string): Entry => ({
    id,
    question,
    similar: [`${question}？`],
    answer,
    origin: 'faq',
    status: 'approved',
    source: { path: 'faq.xlsx', headingPath: [category, question] },
    sourceHash: faqRowHash({ id: rowId, question, similar: [`${question}？`], answer, tags: [category] }),
    tags: [category],
    ...extra,
  });
  const xlsx = { read: new Set(['faq.xlsx']), missing: new Set<string>() };

  it('carries each entry over to its row’s new id as it was — the editor’s answer, added similar questions and decisions kept, nothing marked or removed', () => {
    const edited = { ...row('faq-faq-0000000a', '空调保修多久', '整机1年', '空调'), answer: '编辑：整机1年，压缩机6年', edited: true, editedFields: ['answer' as const] };
    const added = { ...row('faq-faq-0000000b', '洗衣机怎么清洗', '每3个月一次', '洗衣机'), similar: ['洗衣机怎么清洗？', '滚筒怎么洗'], addedSimilar: ['滚筒怎么洗'] };
    const rejected = row('faq-faq-0000000c', '扫地机移机收费吗', '180元起', '扫地机', { status: 'rejected' });
    // the same question in one category twice (a duplicate): told apart by its text
    const dupA = row('faq-faq-0000000d', '空调安装收费吗', '首次免费', '空调', { notes: '以此为准' });
    const dupB = row('faq-faq-0000000e', '空调安装收费吗', '请咨询网点', '空调');
    const fresh = [
      row('QY1', '空调保修多久', '整机1年', '空调', {}, 'QY1'),
      row('QY2', '洗衣机怎么清洗', '每3个月一次', '洗衣机', {}, 'QY2'),
      row('QY3', '扫地机移机收费吗', '180元起', '扫地机', {}, 'QY3'),
      row('QY4', '空调安装收费吗', '请咨询网点', '空调', {}, 'QY4'),
      row('QY5', '空调安装收费吗', '首次免费', '空调', {}, 'QY5'),
    ];
    const { entries, report } = mergeEntries([edited, added, rejected, dupA, dupB], fresh, xlsx);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('QY1')).toEqual({ ...edited, id: 'QY1', sourceHash: fresh[0]?.sourceHash });
    expect(byId.get('QY2')).toEqual({ ...added, id: 'QY2', sourceHash: fresh[1]?.sourceHash });
    expect(byId.get('QY3')?.status).toBe('rejected');
    expect(byId.get('QY5')?.notes).toBe('以此为准');
    expect(entries).toHaveLength(5);
    expect(report.rekeyed.map((r) => r.to).sort()).toEqual(['QY1', 'QY2', 'QY3', 'QY4', 'QY5']);
    expect(report).toMatchObject({ added: [], removed: [], sourceChanged: [], sourceMissing: [], renamed: [] });
  });

  it('a category renamed (分类 净水器 → 净水设备): the entries editors worked on take the new category, unmarked; one whose answer changed too is marked as before', () => {
    const edited = { ...row('K1', '净水器延保怎么买', '180天内可买', '净水器', {}, 'K1'), answer: '编辑：180天内在商城购买延保卡', edited: true, editedFields: ['answer' as const] };
    const added = { ...row('K2', '净水器怎么清洗', '每3个月', '净水器', {}, 'K2'), similar: ['净水器怎么清洗？', '滤芯怎么洗'], addedSimilar: ['滤芯怎么洗'] };
    const changed = row('K3', '净水器保修多久', '1年', '净水器', { status: 'rejected' }, 'K3');
    const fresh = [row('K1', '净水器延保怎么买', '180天内可买', '净水设备', {}, 'K1'), row('K2', '净水器怎么清洗', '每3个月', '净水设备', {}, 'K2'), row('K3', '净水器保修多久', '3年', '净水设备', {}, 'K3')];
    const { entries, report } = mergeEntries([edited, added, changed], fresh, xlsx);
    expect(entries[0]).toEqual({ ...edited, tags: ['净水设备'], source: fresh[0]?.source, sourceHash: fresh[0]?.sourceHash });
    expect(entries[1]).toEqual({ ...added, tags: ['净水设备'], source: fresh[1]?.source, sourceHash: fresh[1]?.sourceHash });
    expect(entries[2]).toMatchObject({ answer: '3年', status: 'rejected', stale: 'source-changed' });
    expect(report.recategorized).toEqual(['K1', 'K2']);
    expect(report.sourceChanged).toEqual(['K3']);
  });

  it('with kb’s similar questions on (--faq-similar), a category rename or an added id column is still recognised: kb’s questions are no part of the row’s text (before: every entry an editor worked on was marked source-changed)', () => {
    const kbWrote = (e: Entry, q: string): Entry => ({ ...e, similar: [...e.similar, q], generatedSimilar: [q] });
    const edited = { ...row('K1', '净水器延保怎么买', '180天内可买', '净水器', {}, 'K1'), answer: '编辑：180天内在商城购买延保卡', edited: true, editedFields: ['answer' as const] };
    const renamed = mergeEntries([edited], [kbWrote(row('K1', '净水器延保怎么买', '180天内可买', '净水设备', {}, 'K1'), '净水器延保咋买')], xlsx);
    expect(renamed.report.recategorized).toEqual(['K1']);
    expect(renamed.report.sourceChanged).toEqual([]);
    expect(renamed.entries[0]).toMatchObject({ answer: '编辑：180天内在商城购买延保卡', tags: ['净水设备'] });
    expect(renamed.entries[0]?.stale).toBeUndefined();
    // an id column added: the row's entry goes over to its new id, unmarked
    const derived = { ...row('faq-faq-0000000a', '空调保修多久', '整机1年', '空调'), answer: '编辑：整机1年，压缩机6年', edited: true, editedFields: ['answer' as const] };
    const rekeyed = mergeEntries([derived], [kbWrote(row('QY1', '空调保修多久', '整机1年', '空调', {}, 'QY1'), '空调保修几年')], xlsx);
    expect(rekeyed.report.rekeyed).toEqual([{ from: 'faq-faq-0000000a', to: 'QY1' }]);
    expect(rekeyed.report.sourceChanged).toEqual([]);
    expect(rekeyed.entries.find((e) => e.id === 'QY1')).toMatchObject({ answer: '编辑：整机1年，压缩机6年' });
  });

  it('a row of the team’s own id deleted and a new id added with another answer to the same question: two rows, the deleted one’s rejection stays with it (before: K9 became rejected, out of the index, "renamed K1 → K9")', () => {
    const k1 = row('K1', '退款多久到账', '7个工作日到账', '售后', { status: 'rejected', notes: '答案过时' }, 'K1');
    const k2 = row('K2', '怎么开发票', '订单详情页申请', '售后', {}, 'K2');
    const fresh = [row('K2', '怎么开发票', '订单详情页申请', '售后', {}, 'K2'), row('K9', '退款多久到账', '原路退回，1-3个工作日到账', '售后', {}, 'K9')];
    const { entries, report } = mergeEntries([k1, k2], fresh, xlsx);
    expect(entries.find((e) => e.id === 'K9')).toEqual(fresh[1]);
    expect(entries.find((e) => e.id === 'K1')).toEqual(k1);
    expect(report).toMatchObject({ renamed: [], rekeyed: [], added: ['K9'] });
    // the same text under the new id is the row renumbered: it goes over as it was
    const renumbered = mergeEntries([k1], [row('K9', '退款多久到账', '7个工作日到账', '售后', {}, 'K9')], xlsx);
    expect(renumbered.report.rekeyed).toEqual([{ from: 'K1', to: 'K9' }]);
  });

  it('a row whose category and answer changed at once: the editor’s entry takes the new category tags; a later category-only change is then recognised (before: the old tags stayed, and every later 分类 rename marked it source-changed)', () => {
    const edited = { ...row('K1', '净水器延保怎么买', '180天内可买', '净水器', {}, 'K1'), question: '净水器延保在哪买', edited: true, editedFields: ['question' as const] };
    const first = row('K1', '净水器延保怎么买', '365天内可买', '净水家电', {}, 'K1');
    const once = mergeEntries([edited], [first], xlsx);
    expect(once.entries[0]).toMatchObject({ question: '净水器延保在哪买', answer: '365天内可买', tags: ['净水家电'], stale: 'source-changed' });
    const then = mergeEntries(once.entries, [row('K1', '净水器延保怎么买', '365天内可买', '净水设备', {}, 'K1')], xlsx);
    expect(then.report.recategorized).toEqual(['K1']);
    expect(then.entries[0]).toMatchObject({ tags: ['净水设备'], question: '净水器延保在哪买' });
    // tags an editor set stay
    const own = mergeEntries([{ ...edited, tags: ['延保'] }], [first], xlsx);
    expect(own.entries[0]?.tags).toEqual(['延保']);
  });

  it('a table’s own ids renumbered over ids it had (1↔2 swapped; 1, 2, 3 → 2, 3, 4): each editor’s answer stays with its question (before: each landed on another question)', () => {
    const refund = { ...row('1', '退款多久到账', '1-3个工作日', '售后', {}, '1'), answer: '编辑：微信1个工作日，银行卡3-5个', edited: true, editedFields: ['answer' as const] };
    const invoice = { ...row('2', '怎么开发票', '订单详情页申请', '售后', {}, '2'), answer: '编辑：订单完成后点开票', edited: true, editedFields: ['answer' as const] };
    const ship = row('3', '多久发货', '48小时内', '物流', { status: 'rejected' }, '3');
    const swapped = [row('2', '退款多久到账', '1-3个工作日', '售后', {}, '2'), row('1', '怎么开发票', '订单详情页申请', '售后', {}, '1'), row('3', '多久发货', '48小时内', '物流', {}, '3')];
    const swap = mergeEntries([refund, invoice, ship], swapped, xlsx);
    expect(swap.entries.find((e) => e.id === '2')).toEqual({ ...refund, id: '2', sourceHash: swapped[0]?.sourceHash });
    expect(swap.entries.find((e) => e.id === '1')).toEqual({ ...invoice, id: '1', sourceHash: swapped[1]?.sourceHash });
    expect(swap.report).toMatchObject({ rekeyed: [{ from: '1', to: '2' }, { from: '2', to: '1' }], sourceChanged: [], added: [], removed: [] });
    const shifted = [row('2', '退款多久到账', '1-3个工作日', '售后', {}, '2'), row('3', '怎么开发票', '订单详情页申请', '售后', {}, '3'), row('4', '多久发货', '48小时内', '物流', {}, '4')];
    const shift = mergeEntries([refund, invoice, ship], shifted, xlsx);
    expect(shift.entries.map((e) => [e.id, e.question, e.answer, e.status, e.stale])).toEqual([
      ['2', '退款多久到账', refund.answer, 'approved', undefined],
      ['3', '怎么开发票', invoice.answer, 'approved', undefined],
      ['4', '多久发货', '48小时内', 'rejected', undefined],
    ]);
  });

  it('an id that now asks another question with another answer (renumbered and changed at once) is named for the editor (retold), its work kept on the id and marked', () => {
    const refund = { ...row('1', '退款多久到账', '1-3个工作日', '售后', {}, '1'), answer: '编辑：微信1个工作日', edited: true, editedFields: ['answer' as const] };
    const fresh = [row('1', '怎么开发票', '订单完成后在订单详情页申请电子发票', '售后', {}, '1')];
    const { entries, report } = mergeEntries([refund], fresh, xlsx);
    expect(entries[0]).toMatchObject({ id: '1', answer: refund.answer, stale: 'source-changed' });
    expect(report.retold).toEqual(['1']);
    // the same question answered anew is no retelling
    expect(mergeEntries([refund], [row('1', '退款多久到账', '原路退回，3个工作日', '售后', {}, '1')], xlsx).report.retold).toEqual([]);
  });

  it('a row that took a new id and changed its answer at once: the editor’s work goes over, marked for re-review (before: kept source-missing, out of the index, beside the new row)', () => {
    const edited = { ...row('faq-faq-0000000a', '空调保修多久', '整机1年', '空调'), question: '空调的保修期多长', edited: true, editedFields: ['question' as const] };
    const { entries, report } = mergeEntries([edited], [row('QY1', '空调保修多久', '整机3年', '空调', {}, 'QY1')], xlsx);
    expect(entries).toEqual([expect.objectContaining({ id: 'QY1', question: '空调的保修期多长', answer: '整机3年', stale: 'source-changed' })]);
    expect(report.renamed).toEqual([{ from: 'faq-faq-0000000a', to: 'QY1', similarity: 1 }]);
    expect(report.rekeyed).toEqual([]);
  });
});
