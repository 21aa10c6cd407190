import type { Problem, SourceLocation } from "../errors.js";

export function error(code: string, message: string, location?: SourceLocation, hint?: string): Problem {
  return withOptional({ code, message, severity: "error" }, location, hint);
}

export function warning(code: string, message: string, location?: SourceLocation, hint?: string): Problem {
  return withOptional({ code, message, severity: "warning" }, location, hint);
}

function withOptional(problem: Problem, location?: SourceLocation, hint?: string): Problem {
  if (location) problem.location = location;
  if (hint) problem.hint = hint;
  return problem;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Problems without a position first, then those in `mainFile` by line and column, then other files'. Stable otherwise. */
export function sortProblems(problems: readonly Problem[], mainFile?: string): Problem[] {
  const rank = (p: Problem) => (!p.location ? 0 : mainFile === undefined || p.location.file === mainFile ? 1 : 2);
  return [...problems].sort((a, b) => {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb || rank(a) !== rank(b)) return rank(a) - rank(b);
    return la.file.localeCompare(lb.file) || la.line - lb.line || la.column - lb.column;
  });
}
