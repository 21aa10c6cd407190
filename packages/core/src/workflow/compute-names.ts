import type { Problem, SourceLocation } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import type { ComputeNameRules } from "../plugin.js";
import { error } from "./problems.js";

/** Why `name` breaks the target's naming rules, or undefined. */
export function computeNameProblem(name: string, rules: ComputeNameRules): string | undefined {
  if (name.length < rules.minLength || name.length > rules.maxLength) return `is ${name.length} character${name.length === 1 ? "" : "s"} long`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(rules.pattern);
  } catch {
    return undefined;
  }
  if (!pattern.test(name)) return "has characters or a shape that are not allowed";
  return undefined;
}

export interface NameClaim {
  stepId: string;
  name: string;
  location: SourceLocation;
}

/** Two steps may not own the same compute (names are case-insensitive in a workspace). */
export function duplicateClaims(claims: readonly NameClaim[], code: string, describe: (claim: NameClaim, first: NameClaim) => { message: string; hint?: string }): Problem[] {
  const first = new Map<string, NameClaim>();
  const problems: Problem[] = [];
  for (const claim of claims) {
    const key = claim.name.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, claim);
      continue;
    }
    const { message, hint } = describe(claim, earlier);
    problems.push(error(code, message, claim.location, hint));
  }
  return problems;
}

export function invalidComputeName(name: string, rules: ComputeNameRules, target: string, location: SourceLocation, explicit: boolean): Problem | undefined {
  const why = computeNameProblem(name, rules);
  if (!why) return undefined;
  const hint = explicit ? undefined : "the compute name defaults to the step id; set `name:` to choose another";
  return error(ErrorCodes.COMPUTE_NAME, `compute name "${name}" ${why}: ${target} names must be ${rules.description}`, location, hint);
}
