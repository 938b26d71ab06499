/** `kb build`: sources → one index file. */
import { build } from '../../build/index.js';
import { readConfig } from '../../config/config.js';
import { EXIT, UsageError } from '../cli.js';
import { printProblems, type Output } from '../output.js';

export interface BuildCommandOptions {
  sources: string[];
  out?: string;
  dictionary?: string;
  synonyms?: string;
  stopwords?: string;
  json: boolean;
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

function kib(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export async function runBuild(options: BuildCommandOptions, output: Output): Promise<number> {
  let { sources, out } = options;
  let { dictionary, synonyms, stopwords } = options;
  if (sources.length === 0) {
    const config = await readConfig(process.cwd());
    if (config === undefined) throw new UsageError('name the sources to build from (kb build sources/ --out kb.index.json), or run kb init to write a kb.config.yaml');
    if (!config.ok) {
      printProblems(output, config.problems);
      return EXIT.USAGE;
    }
    sources = config.value.sources;
    out ??= config.value.out;
    dictionary ??= config.value.dictionary;
    synonyms ??= config.value.synonyms;
    stopwords ??= config.value.stopwords;
    if (sources.length === 0) throw new UsageError('kb.config.yaml lists no sources');
  }
  const buildOptions: Parameters<typeof build>[0] = {
    sources,
    out: out ?? 'dist/kb.index.json',
    maxFileBytes: options.maxFileBytes,
    maxUnzippedBytes: options.maxUnzippedBytes,
  };
  if (dictionary !== undefined) buildOptions.userDict = dictionary;
  if (synonyms !== undefined) buildOptions.synonyms = synonyms;
  if (stopwords !== undefined) buildOptions.stopwords = stopwords;
  const result = await build(buildOptions);
  if (!result.ok) {
    printProblems(output, result.problems);
    return EXIT.FAILED;
  }
  printProblems(output, result.warnings);
  const s = result.value;
  if (options.json) output.out(JSON.stringify(s, null, 2));
  else {
    output.out(`${s.out}: ${s.entries} entries (${s.variants} question variants) from ${s.files - s.failedFiles} of ${s.files} files`);
    output.out(`  vocabulary ${s.vocabulary} words, ${s.terms} index terms, ${s.associations} learned associations, confidence calibrated ${s.calibration}`);
    output.out(`  ${kib(s.bytes)} in ${(s.milliseconds / 1000).toFixed(2)} s`);
  }
  return s.failedFiles > 0 ? EXIT.FAILED : EXIT.OK;
}
