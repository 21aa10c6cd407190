import type { CliIO } from "./io.js";

/** An error nobody expected: one line, no stack trace unless COMPUTEFLOW_DEBUG=1. */
export function reportCrash(error: unknown, io: Pick<CliIO, "stderr" | "env">): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`error[E_INTERNAL]: ${message.split("\n")[0]}\n`);
  if (io.env.COMPUTEFLOW_DEBUG === "1" && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write("  hint: this is a bug in computeflow or a plugin; rerun with COMPUTEFLOW_DEBUG=1 for details and report it\n");
}
