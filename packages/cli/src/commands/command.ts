import type { Command } from "commander";
import type { CliIO } from "../io.js";

/**
 * One CLI command per file. `register` adds the subcommand to the program; its action
 * must set `result.exitCode` (commander actions cannot return values).
 */
export interface CommandModule {
  register(program: Command, io: CliIO, result: { exitCode: number }): void;
}
