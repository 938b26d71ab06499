/** `kb init`: write a commented kb.config.yaml (never overwriting one). */
import { writeFile } from 'node:fs/promises';
import { CONFIG_FILE, CONFIG_TEMPLATE } from '../../config/config.js';
import { EXIT } from '../cli.js';
import type { Output } from '../output.js';
import { projectAbove } from '../config.js';

export async function runInit(output: Output): Promise<number> {
  try {
    await writeFile(CONFIG_FILE, CONFIG_TEMPLATE, { flag: 'wx' });
  } catch {
    output.err(`kb init: ${CONFIG_FILE} already exists here; edit it, or remove it to start again`);
    return EXIT.FAILED;
  }
  // a kb.config.yaml in a folder above: this folder is now a project of its own, which the user may not have meant
  const above = projectAbove();
  if (above !== undefined) output.err(`kb init: ${above} has a ${CONFIG_FILE} too; kb run in this folder reads this one from now on (a project of its own)`);
  // a message, not machine output: stderr, as every command's diagnostics
  output.err(`wrote ${CONFIG_FILE}: put your documents in sources/ and your test questions in tests/, then run kb generate (questions for review), kb review, kb build && kb eval`);
  return EXIT.OK;
}
