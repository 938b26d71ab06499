// Where the development sets are: $KB_EVAL_DIR, else ../shared/eval beside the checkout (a git
// worktree elsewhere sets KB_EVAL_DIR). Read in place, never copied into the repository.
import { join } from 'node:path';

export const evalDirOf = (root) => process.env.KB_EVAL_DIR || join(root, '..', 'shared', 'eval');
