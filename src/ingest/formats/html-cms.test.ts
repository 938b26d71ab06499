import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionize } from '../sectionize.js';
import { pageTitle, parseHtml } from './html.js';

// A help page copied out of a Chinese shop's CMS (user trial of a furniture and appliance shop,
// 2026-11-27): a login/cart bar over the page, a div.header and div.footer, the article's
// 发表时间/来源/点击数/字号 line, 上一篇/下一篇 links and a copyright line with an ICP filing number.
const html = readFileSync(new URL('../../../fixtures/ingest/html/cms-policy-zh.html', import.meta.url), 'utf8');

function sections(source: string): string[] {
  const r = parseHtml(source, { file: 'cms-policy-zh.html', maxUnzippedBytes: 1e9 });
  if (!r.ok) throw new Error('parse failed');
  return sectionize(r.value.blocks, { path: 'cms-policy-zh.html', toMatchText: (t) => t }).map((s) => `${s.headingPath.join(' › ')} => ${s.text}`);
}

describe('a Chinese CMS help page', () => {
  it('keeps the article and nothing of the bar, metadata line, prev/next links, footer or copyright around it', () => {
    expect(sections(html)).toEqual([
      '送货安装说明 › 一、送货上楼 => 有电梯的免费送货入户；无电梯的3楼起每层加收上楼费15元/台。',
      '送货安装说明 › 二、拆旧服务 => 送新机时可代为拆旧搬走，拆旧费30元/台，以旧换新订单免拆旧费。',
    ]);
  });

  it('names the page by the part of its <title> that is no site or section name (not 送货安装说明_帮助中心_美居家电商城)', () => {
    const r = parseHtml(html, { file: 'cms-policy-zh.html', maxUnzippedBytes: 1e9 });
    expect(r.ok && r.value.title).toBe('送货安装说明');
    expect(pageTitle('帮助中心 - 售后政策 - 优家居官方旗舰店', undefined)).toBe('售后政策');
    // two parts that are no site name, or a hyphen inside a name: left as it is
    expect(pageTitle('退货政策_发票说明_美居商城', undefined)).toBe('退货政策_发票说明_美居商城');
    expect(pageTitle('3-7天送达说明', undefined)).toBe('3-7天送达说明');
  });

  it('keeps a paragraph that mentions a date, a source or 版权 as part of a policy', () => {
    const page = `<html><body><h1>说明</h1>
      <p>发布时间：以页面公告为准。</p>
      <p>商品图片版权所有归本店，未经许可不得转载；侵权必究。</p>
      <p>上一篇订单的发票可在订单页下载。</p></body></html>`;
    expect(sections(page)).toEqual(['说明 => 发布时间：以页面公告为准。\n商品图片版权所有归本店，未经许可不得转载；侵权必究。\n上一篇订单的发票可在订单页下载。']);
  });

  it('keeps a div.header or div.footer inside the page’s <main>', () => {
    const page = '<html><body><main><div class="header"><h1>退货</h1></div><p>七天无理由退货。</p><div class="footer"><p>以上规则自2026年1月1日起执行。</p></div></main></body></html>';
    expect(sections(page).join('\n')).toContain('以上规则自2026年1月1日起执行');
  });
});
