import type { Command } from "commander";
import type { CliIO } from "../io.js";

/** What a command's action leaves for the process. */
export interface CommandResult {
  exitCode: number;
  /**
   * Nothing the command started is still running (no request, timer, child or file write), so
   * the process may exit as soon as its output is written. Set by `validate`, and by `plan`,
   * `run` and `destroy` once the engine returned: the journal is written synchronously and
   * every step's files were awaited; what may still be in flight is a read whose answer nobody
   * waits for (the early plan of a step that was skipped), which would otherwise hold the
   * process open after the run ended.
   */
  settled?: boolean;
}

/**
 * One CLI command per file. `register` adds the subcommand to the program; its action
 * must set `result.exitCode` (commander actions cannot return values).
 */
export interface CommandModule {
  register(program: Command, io: CliIO, result: CommandResult): void;
}
