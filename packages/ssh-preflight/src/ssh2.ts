import { createRequire } from "node:module";
import type * as Ssh2 from "ssh2";

// ssh2 is ~600 KB of CommonJS in 22 files and takes ~100 ms to load. It is loaded by the
// first call that needs it, not when this package is imported: `validate` of a workflow
// with an SSH attach imports the attach plugins and never reads a key or connects.
const requireHere = createRequire(import.meta.url);
let loaded: typeof Ssh2 | undefined;

/** The ssh2 module, loaded on first use. */
export function ssh2(): typeof Ssh2 {
  return (loaded ??= requireHere("ssh2") as typeof Ssh2);
}
