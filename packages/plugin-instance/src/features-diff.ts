import type { FieldChange } from "@computeflow/core";
import { featureProperties } from "./body.js";
import type { FeatureInput } from "./features-input.js";

type Json = Record<string, unknown>;
const P = "properties.properties";

/** Which newer settings differ: idle shutdown and schedules change in place, the rest only by replacing. */
export interface FeatureDiff {
  inPlace: FieldChange[];
  immutable: FieldChange[];
  /** The in-place calls to make (updateIdleShutdownSetting, updateSchedules). */
  updates: ("idle" | "schedules")[];
}

/** Drops nulls, undefined and empty lists, and what Azure adds (ids, provisioning status), so a read compares with what was sent. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(canonical);
  if (value === null || typeof value !== "object") return typeof value === "string" && /^[A-Z]/.test(value) ? value.toLowerCase() : value ?? undefined;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json).sort(([a], [b]) => a.localeCompare(b))) {
    if (k === "id" || k === "provisioningStatus" || k === "scheduleId") continue;
    const c = canonical(v);
    if (c !== undefined) out[k] = c;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function minutes(duration: unknown): number | undefined {
  const m = typeof duration === "string" ? /^PT(?:(\d+)H)?(?:(\d+)M)?$/i.exec(duration) : null;
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : undefined;
}

/** Compares the step's newer settings with an instance read at api-version 2023-04-01. */
export function diffFeatures(input: FeatureInput, props: Json): FeatureDiff {
  const want = featureProperties(input);
  const diff: FeatureDiff = { inPlace: [], immutable: [], updates: [] };
  if (input.idle_time_before_shutdown_minutes !== undefined && minutes(props.idleTimeBeforeShutdown) !== input.idle_time_before_shutdown_minutes) {
    diff.inPlace.push({ path: `${P}.idleTimeBeforeShutdown`, from: props.idleTimeBeforeShutdown ?? null, to: want.idleTimeBeforeShutdown });
    diff.updates.push("idle");
  }
  if (input.schedules !== undefined && !same(props.schedules, want.schedules)) {
    diff.inPlace.push({ path: `${P}.schedules`, from: props.schedules ?? null, to: want.schedules });
    diff.updates.push("schedules");
  }
  if (input.setup_scripts !== undefined && !same(props.setupScripts, want.setupScripts)) {
    diff.immutable.push({ path: `${P}.setupScripts`, from: props.setupScripts ?? null, to: want.setupScripts, immutable: true });
  }
  if (input.enable_node_public_ip !== undefined && (props.enableNodePublicIp ?? true) !== input.enable_node_public_ip) {
    diff.immutable.push({ path: `${P}.enableNodePublicIp`, from: props.enableNodePublicIp ?? true, to: input.enable_node_public_ip, immutable: true });
  }
  return diff;
}
