// Why sources that were read made no entry: kb generate's and kb build's error says so, not "check the paths".
import { describe, expect, it } from 'vitest';
import type { Document, Section } from '../ingest/document.js';
import { noEntriesReason } from './no-entries.js';

const section = (headingPath: string[], text: string): Section => ({ id: `s-${text}`, headingPath, text, matchText: text, location: { line: 1 } });
const doc = (path: string, sections: Section[]): Document => ({ id: path, path, format: 'markdown', title: path, hash: '', language: 'zh-Hans', chars: 0, sections, warnings: [] });

describe('noEntriesReason', () => {
  it('names a title over its update line, or over one line on what the document covers, with the text', () => {
    expect(noEntriesReason([doc('保修.md', [section(['保修政策'], '更新时间：2025-04-20')])])).toBe(
      'the sources were read (保修.md), but their only section is a revision note (an update line under the title), which makes no entry (保修.md: “更新时间：2025-04-20”); write the text a customer asks about under the title or under headings',
    );
    expect(noEntriesReason([doc('安装.md', [section(['安装说明'], '本说明适用于优家电器旗舰店售出的空调和冰箱。')])])).toMatch(/^the sources were read \(安装\.md\), but their only section is a line saying what the document covers, which makes no entry \(安装\.md: “本说明/u);
  });

  it('says the sources were read, and how much, when no section made an entry for another reason or there is none', () => {
    expect(noEntriesReason([doc('a.md', [section(['保修政策'], '更新时间：2025-04-20'), section(['保修政策', '范围'], '')]), doc('b.md', [])])).toBe('the sources were read (2 files, 2 sections), but no section made an entry');
    expect(noEntriesReason([doc('a.md', [])])).toBe('the sources were read (a.md), but no section has any text — a table\'s rows all switched off (停用) or a PDF with no text layer say so above; write the text a customer asks about under its headings');
  });
});
