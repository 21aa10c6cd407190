import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { joinPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error } from "./problems.js";

/** One entry of a workflow's `inputs:`: its type, default and allowed options; values come from the command line. */
export interface InputDefinition {
  type: "string" | "number" | "boolean" | "choice";
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
  options?: (string | number)[];
}

/** Input values: given on the command line (as text) or the default, converted to the declared type. */
export function resolveInputs(
  definitions: Record<string, InputDefinition>,
  given: Record<string, string>,
  positions: PositionMap,
): { values: Record<string, unknown>; invalid: Set<string>; problems: Problem[] } {
  const values: Record<string, unknown> = {};
  const invalid = new Set<string>();
  const problems: Problem[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    const pointer = joinPointer("/inputs", name);
    const fromCommandLine = Object.hasOwn(given, name);
    const raw = fromCommandLine ? given[name] : definition.default;
    if (raw === undefined) {
      values[name] = null;
      if (definition.required) {
        invalid.add(name);
        problems.push(error(ErrorCodes.INPUT, `input \`${name}\` is required`, positions.key(pointer), `pass --input ${name}=VALUE`));
      }
      continue;
    }
    const converted = convert(raw, definition);
    if (typeof converted === "object" && converted !== null) {
      const where = fromCommandLine ? positions.key(pointer) : positions.value(joinPointer(pointer, "default"));
      const source = fromCommandLine ? `--input ${name}=${String(raw)}` : `the default of input \`${name}\``;
      problems.push(error(ErrorCodes.INPUT, `${source}: ${converted.problem}`, where));
      values[name] = null;
      invalid.add(name);
    } else values[name] = converted;
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(definitions, name)) {
      problems.push(error(ErrorCodes.INPUT, `--input ${name}: the workflow has no input \`${name}\`${didYouMean(name, Object.keys(definitions))}`, positions.key("/inputs")));
    }
  }
  return { values, invalid, problems };
}

function convert(raw: string | number | boolean, definition: InputDefinition): string | number | boolean | { problem: string } {
  const text = String(raw);
  switch (definition.type) {
    case "string":
      return text;
    case "number": {
      const n = typeof raw === "number" ? raw : text.trim() === "" ? NaN : Number(text);
      return Number.isFinite(n) ? n : { problem: `expected a number, got ${JSON.stringify(raw)}` };
    }
    case "boolean":
      if (raw === true || text === "true") return true;
      if (raw === false || text === "false") return false;
      return { problem: `expected true or false, got ${JSON.stringify(raw)}` };
    case "choice": {
      const options = (Array.isArray(definition.options) ? definition.options : []).map(String);
      const match = options.includes(text) ? definition.options?.[options.indexOf(text)] : undefined;
      return match ?? { problem: `expected one of ${options.join(", ")}, got ${JSON.stringify(raw)}${didYouMean(text, options)}` };
    }
    default:
      // An unknown type is the envelope schema's to report.
      return text;
  }
}
