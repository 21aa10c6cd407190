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

/** By line, then column; problems without a position come first. Stable otherwise. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb) return (la ? 1 : 0) - (lb ? 1 : 0);
    return la.line - lb.line || la.column - lb.column;
  });
}
