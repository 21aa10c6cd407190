import { Command } from "commander";
import type { CommandResult } from "./commands/command.js";
import { commands } from "./commands/index.js";
import { ExitCode } from "./exit-codes.js";
import { addGlobalOptions, globalOptions } from "./global-options.js";
import { handle } from "./handle-error.js";
import { processIO, type CliIO } from "./io.js";
import { applyPluginTimeLimitEnv } from "./plugin-time-limits.js";
import { formatProblem } from "./render-problems.js";
import { plain } from "./style.js";
import { version } from "./version.js";

const examples = `
Examples:
  $ computeflow validate examples/first-workflow.yaml
  $ computeflow graph examples/first-workflow.yaml --format mermaid
  $ computeflow run examples/seed-walkthrough.yaml --emulator

Exit codes: 0 ok, 1 run failed, 2 invalid input or usage, 130 interrupted.
Set COMPUTEFLOW_DEBUG=1 to print stack traces of internal errors.`;

/** Parses arguments, dispatches to a command, returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  return (await runCommand(argv, io)).exitCode;
}

/** As runCli, with whether the command left anything running (see CommandResult). */
export async function runCommand(argv: string[], io: CliIO): Promise<CommandResult> {
  const result: CommandResult = { exitCode: ExitCode.OK };
  const program = new Command("computeflow")
    .description("Turn checked-in YAML workflows into Azure Machine Learning compute targets.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageLine(s)),
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText("after", examples);
  addGlobalOptions(program).hook("preAction", (_program, command) => void globalOptions(command));
  for (const command of commands) command.register(program, io, result);
  try {
    applyPluginTimeLimitEnv(io.env);
    // -V stays accepted as the version flag it was before -v.
    await program.parseAsync(argv[0] === "-V" ? ["-v", ...argv.slice(1)] : argv, { from: "user" });
    return result;
  } catch (error) {
    return { exitCode: handle(error, io) };
  }
}

/** Commander's own messages ("error: unknown option ...\n") in our format, as error[E_USAGE]. */
function usageLine(text: string): string {
  const message = /^error: ([\s\S]*)\n$/.exec(text)?.[1];
  return message === undefined ? text : formatProblem({ severity: "error", code: "E_USAGE", message }, "", plain);
}
