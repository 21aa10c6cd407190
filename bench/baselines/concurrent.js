// Baseline B: the concurrent script a competent user writes. Steps are grouped by
// dependency level; each level runs with Promise.all and the SDK's own pollers.
import { connect, loadArgs, main, runStep, workspaceLocation } from "./common.js";

function byLevel(steps) {
  const level = new Map();
  const levels = [];
  for (const step of steps) {
    const l = Math.max(-1, ...step.needs.map((d) => level.get(d))) + 1;
    level.set(step.id, l);
    (levels[l] ??= []).push(step);
  }
  return levels;
}

await main(async () => {
  const args = loadArgs();
  const connection = connect(args);
  const location = await workspaceLocation(connection.client, args.spec);
  for (const steps of byLevel(args.spec.steps)) {
    await Promise.all(steps.map((step) => runStep(connection, args.spec, location, step)));
  }
});
