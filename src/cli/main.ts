/** Entry point of the `kb` command (bin/kb.js imports this). */
import { main } from './cli.js';

process.exitCode = await main(process.argv);
