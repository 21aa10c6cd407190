import { CommanderError } from "commander";
import { isComputeflowError, type Problem } from "@computeflow/core";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { formatProblem } from "./render-problems.js";
import { reportCrash } from "./report-crash.js";
import { plain, styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

export interface HandleOptions {
  /** Colour the label as problems are coloured (export's refusals); by default errors print plain. */
  color?: boolean;
  /** Print `FILE:LINE:COL: ` before an error that points into a workflow (export's refusals). */
  located?: boolean;
  /**
   * The exit code of a validation error. 2 (the default) says nothing was done; export of
   * files that need no Azure uses 1, since files may be written before the refusal.
   */
  validationExit?: number;
}

/**
 * The one place an error a command throws becomes output and an exit code (as oclif's
 * errors/handle.ts). Usage errors and invalid input exit 2; an error computeflow knows
 * (a run that cannot start, a refused write) exits 1 with its code; anything else is a crash.
 */
export function handle(error: unknown, io: CliIO, options: HandleOptions = {}): number {
  // Commander printed its own message (see cli.ts outputError); help and --version exit 0.
  if (error instanceof CommanderError) return error.exitCode === 0 && error.code !== "commander.help" ? ExitCode.OK : ExitCode.INVALID;
  const known = knownError(error, options.located ?? false);
  if (!known) {
    reportCrash(error, io);
    return ExitCode.FAILED;
  }
  io.stderr.write(formatProblem(known.problem, io.cwd, options.color === undefined ? plain : styleFor(io, options.color)));
  return known.invalid ? (options.validationExit ?? ExitCode.INVALID) : ExitCode.FAILED;
}

/** An error printed as `error[CODE]: message` (and its hint), with whether it is invalid input. */
function knownError(error: unknown, located: boolean): { problem: Problem; invalid: boolean } | undefined {
  if (error instanceof UsageError) return { problem: problemOf(error.code, error.message, error.hint), invalid: true };
  if (isEngineError(error)) {
    const { code, message, hint, location, errorClass } = error as { code: string; message: string; hint?: string; location?: Problem["location"]; errorClass?: string };
    return { problem: { ...problemOf(code, message, hint), ...(located && location ? { location } : {}) }, invalid: errorClass === "validation" };
  }
  return undefined;
}

/**
 * An error of computeflow's own packages, with a stable code: core's brand, or runconfig's
 * refusal to write a secret into a file (runconfig does not depend on core, so it has no brand).
 */
export function isEngineError(error: unknown): boolean {
  return isComputeflowError(error) || (error instanceof Error && (error as { code?: unknown }).code === "E_SECRET_IN_FILE");
}

function problemOf(code: string, message: string, hint: string | undefined): Problem {
  return { severity: "error", code, message, ...(hint ? { hint } : {}) };
}
