import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.js";
import { ExitCode } from "./exit-codes.js";
import { processIO, type CliIO } from "./io.js";

/** Parses arguments, dispatches to a command, returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const result = { exitCode: ExitCode.OK as number };
  const program = new Command("computeflow")
    .description("Turn checked-in YAML workflows into Azure Machine Learning compute targets.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);
  for (const command of commands) command.register(program, io, result);
  try {
    await program.parseAsync(argv, { from: "user" });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.INVALID;
    }
    io.stderr.write(`error[E_INTERNAL]: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.FAILED;
  }
}
