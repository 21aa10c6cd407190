import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from "js-yaml";
import type { Event, ScalarEvent } from "js-yaml";
import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { LineIndex } from "./line-index.js";
import { escapeSegment } from "./json-pointer.js";
import { PositionMap } from "./position-map.js";
import { error } from "./problems.js";
import { aliasExpansionBreach, MAX_DOCUMENT_CHARS } from "./yaml-limits.js";

export interface ParsedYaml {
  /** The document, when it parsed and is a mapping. */
  value?: Record<string, unknown>;
  positions: PositionMap;
  problems: Problem[];
}

interface Frame {
  kind: "map" | "seq";
  pointer: string;
  /** Inside a complex (non-scalar) key: positions are not recorded. */
  ignored: boolean;
  index: number;
  expectingKey: boolean;
  pendingKey?: { name: string; offset: number } | undefined;
  keys: Map<string, number>;
  /** The collection being built (plain documents only, see walk). */
  value: Record<string, unknown> | unknown[] | undefined;
  /** The mapping key the next value goes under, as js-yaml names it (String of the resolved scalar). */
  valueKey: string;
}

/** Parses one YAML document, keeping the position of every key and value by JSON pointer. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineIndex(text);
  const positions = new PositionMap(file, text, lines);
  const problems: Problem[] = [];
  if (text.length > MAX_DOCUMENT_CHARS) {
    problems.push(error(ErrorCodes.YAML_LIMIT, `the workflow file is ${text.length.toLocaleString("en-US")} characters long; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en-US")}`, positions.at(0), "split it into several workflow files"));
    return { positions, problems };
  }
  let walked: Walked;
  let root: unknown;
  try {
    const events = parseEvents(text, { filename: file });
    const breach = aliasExpansionBreach(events, text);
    if (breach) {
      problems.push(error(ErrorCodes.YAML_LIMIT, breach.message, positions.at(breach.offset), "an alias repeats a value, it should not multiply it: write the values out, or use fewer levels of aliases"));
      return { positions, problems };
    }
    walked = walk(events, text, positions);
    root = walked.plain ? walked.root : constructFromEvents(events, { source: text, filename: file, json: true, maxAliases: 1000 })[0];
  } catch (e) {
    problems.push(yamlProblem(e, positions));
    return { positions, problems };
  }
  problems.push(...walked.problems);
  if (root === undefined || root === null) {
    problems.push(error(ErrorCodes.EMPTY_FILE, "the workflow file is empty", positions.at(0), "start with `version: 1`, a `name:` and `steps:`"));
    return { positions, problems };
  }
  if (typeof root !== "object" || Array.isArray(root)) {
    const what = Array.isArray(root) ? "a list" : `a ${typeof root === "string" ? "string" : "scalar"}`;
    problems.push(error(ErrorCodes.NOT_A_MAPPING, `the workflow must be a mapping of keys (version, name, steps ...), not ${what}`, positions.value("")));
    return { positions, problems };
  }
  return { value: root as Record<string, unknown>, positions, problems };
}

function yamlProblem(e: unknown, positions: PositionMap): Problem {
  const err = e as { reason?: string; message?: string; mark?: { position?: number } };
  const location = positions.at(err.mark?.position ?? 0);
  const reason = err.reason ?? err.message ?? String(e);
  const hint = /\btab/i.test(reason) ? "indent with spaces: YAML does not allow tab characters in indentation (set your editor to insert spaces in .yaml files)" : undefined;
  return error(ErrorCodes.YAML, `YAML syntax error: ${reason}`, location, hint);
}

interface Walked {
  problems: Problem[];
  /**
   * The document had no tag, anchor, alias or non-scalar key, and `root` is what js-yaml's
   * constructFromEvents would build from it (CORE_SCHEMA, json: duplicate keys keep the last):
   * one pass over the events instead of two. Otherwise js-yaml constructs it.
   */
  plain: boolean;
  root: unknown;
}

/**
 * One pass over the parse events: the position of every node by JSON pointer, duplicate and
 * `__proto__` keys, a second document, and the value of a plain document.
 */
function walk(events: Event[], text: string, positions: PositionMap): Walked {
  const problems: Problem[] = [];
  const stack: Frame[] = [];
  let documents = 0;
  let rootSeen = false;
  let plain = true;
  let root: unknown;
  const place = (value: unknown): void => {
    const parent = stack[stack.length - 1];
    if (!parent) root = value;
    else if (parent.kind === "seq") (parent.value as unknown[]).push(value);
    else if (parent.expectingKey) parent.valueKey = String(value);
    else if (parent.valueKey === "__proto__") Object.defineProperty(parent.value, "__proto__", { value, enumerable: true, configurable: true, writable: true });
    else (parent.value as Record<string, unknown>)[parent.valueKey] = value;
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      documents++;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      if (stack.length > 0) {
        const done = stack.pop()!;
        if (plain && documents === 1) place(done.value);
        completeChild(stack);
      }
      continue;
    }
    const offset = nodeOffset(event);
    if (documents > 1) {
      if (!rootSeen) continue;
      problems.push(error(ErrorCodes.YAML, "a workflow file holds one YAML document; remove the `---` separator and what follows", positions.at(offset)));
      return { problems, plain, root };
    }
    rootSeen = true;
    const parent = stack[stack.length - 1];
    const isKey = parent?.kind === "map" && parent.expectingKey;
    const ignored = parent?.ignored === true || (isKey && event.type !== EVENT_ID.SCALAR);
    if (plain && (ignored || event.type === EVENT_ID.ALIAS || event.anchorStart >= 0 || event.tagStart >= 0)) plain = false;
    let scalarText: string | undefined;
    if (isKey && parent) {
      if (event.type === EVENT_ID.SCALAR) scalarText = getScalarValue(text, event);
      parent.pendingKey = { name: scalarText ?? "?", offset };
      if (!ignored && parent.pendingKey.name !== "?") {
        const first = parent.keys.get(parent.pendingKey.name);
        if (parent.pendingKey.name === "__proto__") {
          problems.push(error(ErrorCodes.UNKNOWN_KEY, "unknown key `__proto__`: no part of a workflow takes it (a JavaScript object would silently drop it)", positions.at(offset), "remove it"));
        } else if (first !== undefined) {
          const firstLine = positions.at(first).line;
          problems.push(error(ErrorCodes.DUPLICATE_KEY, `duplicate key "${parent.pendingKey.name}" (first defined on line ${firstLine})`, positions.at(offset), "remove one of them: YAML keeps only the last"));
        } else parent.keys.set(parent.pendingKey.name, offset);
      }
    }
    const pointer = isKey || !parent ? (parent?.pointer ?? "") : childPointer(parent);
    if (!isKey && !ignored) {
      const keyOffset = parent?.kind === "map" ? (parent.pendingKey?.offset ?? -1) : -1;
      // An empty value (`a:` with nothing after it) has no offset of its own: point at its key
      // (or, in a sequence, at the sequence).
      if (event.type === EVENT_ID.SCALAR && offset < 0) {
        if (keyOffset >= 0) positions.set(pointer, { valueOffset: keyOffset, keyOffset, contentOffset: keyOffset });
      } else if (event.type === EVENT_ID.SCALAR) positions.set(pointer, { valueOffset: offset, keyOffset, contentOffset: event.valueStart, scalar: event });
      else positions.set(pointer, { valueOffset: offset, keyOffset, contentOffset: offset });
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const map = event.type === EVENT_ID.MAPPING;
      stack.push({ kind: map ? "map" : "seq", pointer, ignored, index: 0, expectingKey: true, keys: new Map(), value: plain ? (map ? {} : []) : undefined, valueKey: "" });
    } else {
      if (plain && event.type === EVENT_ID.SCALAR) {
        const source = scalarText ?? getScalarValue(text, event);
        place(event.style === SCALAR_STYLE.PLAIN ? CORE_SCHEMA.resolveImplicitScalarTag(source).value : source);
      }
      completeChild(stack);
    }
  }
  return { problems, plain, root };
}

// Called for every node of the file: one concatenation, no rest-argument array (as joinPointer(base, segment)).
function childPointer(parent: Frame): string {
  return `${parent.pointer}/${parent.kind === "seq" ? String(parent.index) : escapeSegment(parent.pendingKey?.name ?? "?")}`;
}

function completeChild(stack: Frame[]): void {
  const parent = stack[stack.length - 1];
  if (!parent) return;
  if (parent.kind === "seq") parent.index++;
  else parent.expectingKey = !parent.expectingKey;
}

function nodeOffset(event: Exclude<Event, { type: 1 | 6 }>): number {
  // anchorStart is just past the `&` or `*` sigil.
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  let start = event.type === EVENT_ID.SCALAR ? (isQuoted(event) ? event.valueStart - 1 : event.valueStart) : event.start;
  if (event.anchorStart > 0 && event.anchorStart - 1 < start) start = event.anchorStart - 1;
  if (event.tagStart >= 0 && event.tagStart < start) start = event.tagStart;
  return start;
}

function isQuoted(event: ScalarEvent): boolean {
  return event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
}
