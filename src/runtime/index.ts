/**
 * kb/runtime — what bots import:
 *
 *   import { loadIndex } from 'kb/runtime';
 *   const kb = await loadIndex('dist/kb.index');
 *   const hits = kb.search('退货运费谁出', { k: 5 });
 *
 * It depends on no build-time package (pdfjs-dist, mammoth, exceljs, ink, react, commander, nodejieba;
 * src/runtime/runtime-package.test.ts checks its module graph, npm run pack:runtime packs it alone).
 */
export { loadIndex, indexFromBytes, IndexLoadError, type IndexLoadReason } from './load.js';
export { KnowledgeBase, type Hit, type SearchOptions } from './knowledge-base.js';
export { startSearchServer, MAX_BODY_BYTES, MAX_DRAIN_MS, type DrainResult, type SearchServer, type SearchServerOptions } from './server.js';
export { INDEX_FORMAT, INDEX_VERSION, type IndexEntry } from './index-file.js';
