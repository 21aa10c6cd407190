import { isAbsolute, relative } from "node:path";
import type { Problem } from "@computeflow/core";
import { annotation, inGitHubActions } from "./github-annotations.js";
import type { CliIO } from "./io.js";
import { styleFor, type Style } from "./style.js";

export interface RenderProblemOptions {
  /** False with --no-color. */
  color?: boolean;
}

/**
 * The one place problems are printed: `FILE:LINE:COL: error[CODE]: message`, then an
 * indented `hint:` line. Sorted by file and position so a file reads top to bottom.
 */
export function renderProblems(problems: readonly Problem[], io: CliIO, options: RenderProblemOptions = {}): void {
  const style = styleFor(io, options.color);
  const github = inGitHubActions(io.env);
  for (const problem of sortProblems(problems)) {
    io.stderr.write(formatProblem(problem, io.cwd, style));
    // In GitHub Actions each problem is also an annotation on its file and line.
    if (github) {
      const message = problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
      io.stdout.write(annotation(problem.severity === "warning" ? "warning" : "error", message, { location: problem.location, title: problem.code, cwd: io.cwd }));
    }
  }
}

export function formatProblem(problem: Problem, cwd: string, style: Style): string {
  const where = problem.location
    ? `${displayPath(problem.location.file, cwd)}:${problem.location.line}:${problem.location.column}: `
    : "";
  const label = problem.severity === "warning" ? style.yellow(`warning[${problem.code}]`) : style.red(`error[${problem.code}]`);
  const hint = problem.hint ? `\n  ${style.dim("hint:")} ${problem.hint}` : "";
  return `${style.bold(where)}${label}: ${problem.message}${hint}\n`;
}

/** "2 errors, 1 warning" */
export function countProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity !== "warning").length;
  const warnings = problems.length - errors;
  if (errors === 0 && warnings > 0) return plural(warnings, "warning");
  const parts = [plural(errors, "error")];
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity !== "warning");
}

/** Files in the order they first appear; within a file, by position. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const fileRank = new Map<string, number>();
  for (const p of problems) if (!fileRank.has(p.location?.file ?? "")) fileRank.set(p.location?.file ?? "", fileRank.size);
  return [...problems].sort(
    (a, b) =>
      fileRank.get(a.location?.file ?? "")! - fileRank.get(b.location?.file ?? "")! ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
}

/** Paths under the working directory print relative to it, like a compiler's. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
