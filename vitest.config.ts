import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 30_000,
    // building a test index loads jieba's dictionary (about 1.3 s alone, more on a busy machine)
    hookTimeout: 60_000,
    // the CLI tests spawn `node bin/kb.js`; two cores are all CI has
    maxWorkers: 2,
  },
});
