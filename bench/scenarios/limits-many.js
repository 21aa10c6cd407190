// Scenario 2b: 5 workflows, each in its own subscription, x 200 creates, in one
// `computeflow run`: ARM's buckets are per subscription, so the bound is scenario 2's.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARM_BUCKETS, BOUND_FORMULA, createBound, MARGIN_80 } from "../lib/bounds.js";
import { generateWide } from "../lib/dag.js";
import { trial } from "../lib/trial.js";
import { workflowYaml } from "../lib/workflow.js";
import { benchSubscription, benchWorld } from "../lib/world.js";

export const title = "2b. ARM request limits, 5 subscriptions x 200 creates in one run";

/** @param {{dir: string, quick: boolean, tools?: string[], log: (m: string) => void}} ctx */
export async function run(ctx) {
  const subscriptions = 5;
  const count = 200;
  const createSeconds = ctx.quick ? 5 : 10;
  const ids = Array.from({ length: subscriptions }, (_, n) => benchSubscription(n));
  const world = benchWorld({ durations: { cluster: createSeconds, attach: createSeconds }, subscriptions: ids });
  const dir = join(ctx.dir, "limits-many");
  mkdirSync(dir, { recursive: true });
  const workflowFiles = ids.map((id, n) => {
    const steps = generateWide(count).map((s) => ({ ...s, id: `s${n}-${s.id}` }));
    const file = join(dir, `team-${n + 1}.yaml`);
    writeFileSync(file, workflowYaml(`team-${n + 1}`, steps, id));
    return file;
  });
  const rows = [];
  if (!ctx.tools || ctx.tools.includes("computeflow")) {
    ctx.log(`limits-many: computeflow (${subscriptions} workflows x ${count} creates of ${createSeconds} s, ${subscriptions} subscriptions, ARM limits on)`);
    const { stepTimes, ...row } = await trial("computeflow", { workflowFiles, workflowFile: workflowFiles[0], specFile: "" }, { world, timeScale: 1, armLimits: true }, ["--concurrency", String(subscriptions * count)], () => createSeconds * 1000);
    rows.push(row);
  }
  const bound = { formula: BOUND_FORMULA, armS: createBound({ creates: count, createSeconds, buckets: ARM_BUCKETS }), margin80S: createBound({ creates: count, createSeconds, buckets: MARGIN_80 }) };
  return { workflows: subscriptions, subscriptions, operations: subscriptions * count, createSeconds, bound, rows: rows.map((r) => ({ ...r, makespanOverBound: r.wallS / bound.armS })) };
}
