import type { ComputeflowError, Problem, SourceLocation } from "../errors.js";
import type { AnyAction, CheckContext, WorkspaceRef } from "../plugin.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";
import type { AnalyzedValue } from "./analyze-templates.js";
import type { NameClaim } from "./compute-names.js";
import type { Template } from "./expressions/ast.js";
import type { ScopeSources } from "./expression-scope.js";
import { joinPointer } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";

export interface StepEnvironment {
  positions: PositionMap;
  sources: ScopeSources;
  dir: string;
  /** The project root: written files stay inside it. */
  root: string;
  workspace: WorkspaceRef;
  defaults: Record<string, unknown>;
  /** By `uses:` value: the plugin, or why it did not load. */
  plugins: ReadonlyMap<string, LoadedPlugin | ComputeflowError>;
}

/** One step as the passes see it: what the file says, and what the passes before found. */
export interface StepDraft {
  readonly id: string;
  readonly raw: Record<string, unknown>;
  readonly env: StepEnvironment;
  /** `/steps/<id>` */
  readonly pointer: string;
  readonly uses: string | undefined;
  readonly action: string | undefined;
  /** Position of the value of one of the step's fields. */
  at(field: string): SourceLocation;
  /** `uses` loaded, and can target this workspace. */
  plugin?: LoadedPlugin;
  unsupportedTarget?: boolean;
  /** The plugin has `action`. */
  spec?: AnyAction;
  /** The compute name: `name` as far as it is known now, else the step id. */
  name: string;
  nameKnown: boolean;
  readonly nameExplicit: boolean;
  readonly nameLocation: SourceLocation;
  readonly needs: Set<string>;
  readonly withRaw: Record<string, unknown>;
  readonly withBase: string;
  /** `with` is absent or a mapping (anything else is the envelope schema's to report). */
  readonly withMapping: boolean;
  withAnalyzed?: AnalyzedValue;
  condition?: Template | boolean;
  /** `with` broke no rule of the action's schema: the plugin's own checks may run. */
  withValid?: boolean;
  /** Positions (`line:col`) where core already reported a secret in a plain field. */
  secretsFlagged?: ReadonlySet<string>;
  /** `with` as the plugin's checks see it, made once. */
  checkArgs?: { values: Record<string, unknown>; context: CheckContext };
  claim?: NameClaim;
  attachment?: NameClaim;
}

/** A check over one step: its problems, in the order they are reported. It may record what it found on the draft. */
export type StepPass = (draft: StepDraft) => Problem[];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function createDraft(id: string, raw: Record<string, unknown>, env: StepEnvironment): StepDraft {
  const pointer = joinPointer("/steps", id);
  const at = (field: string) => env.positions.value(joinPointer(pointer, field));
  const nameExplicit = typeof raw["name"] === "string";
  return {
    id,
    raw,
    env,
    pointer,
    uses: typeof raw["uses"] === "string" ? raw["uses"] : undefined,
    action: typeof raw["action"] === "string" ? raw["action"] : undefined,
    at,
    name: id,
    nameKnown: true,
    nameExplicit,
    nameLocation: nameExplicit ? at("name") : env.positions.key(pointer),
    needs: new Set(),
    withRaw: isRecord(raw["with"]) ? raw["with"] : {},
    withBase: joinPointer(pointer, "with"),
    withMapping: raw["with"] === undefined || isRecord(raw["with"]),
    condition: typeof raw["if"] === "boolean" ? raw["if"] : undefined,
  };
}
