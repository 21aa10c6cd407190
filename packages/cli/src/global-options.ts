import type { Command } from "commander";
import { UsageError } from "./usage-error.js";

/** Options every command accepts, before or after its name. */
export interface GlobalOptions {
  secretsFile: string | undefined;
  inputs: Record<string, string>;
  /** False with --no-color; colour still needs a TTY and no NO_COLOR. */
  color: boolean;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option("--secrets-file <file>", "dotenv file that `${{ secrets.X }}` reads before the environment")
    .option("--input <key=value>", "set a workflow input (repeatable)", collect)
    .option("--no-color", "never colour the output");
}

/** The global options as seen from inside a command's action. */
export function globalOptions(command: Command): GlobalOptions {
  const raw = command.optsWithGlobals<{ secretsFile?: string; input?: string[]; color?: boolean }>();
  return { secretsFile: raw.secretsFile, inputs: parseInputs(raw.input ?? []), color: raw.color !== false };
}

export function parseInputs(pairs: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = eq > 0 ? pair.slice(0, eq).trim() : "";
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      throw new UsageError(`--input expects KEY=VALUE, got "${pair}"`, "for example: --input max_nodes=4");
    }
    inputs[key] = pair.slice(eq + 1);
  }
  return inputs;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
