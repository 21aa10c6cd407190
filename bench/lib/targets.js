/**
 * The targets, evaluated on the figures: {name, value, target, met}.
 * A target whose figures are missing is reported with value null and met false.
 */
export function evaluateTargets(results) {
  const out = [];
  const add = (name, value, target, ok) => out.push({ name, value: value ?? null, target, met: value !== undefined && value !== null && Number.isFinite(value) && ok(value) });
  const row = (scenario, tool) => results[scenario]?.rows?.find((r) => r.tool === tool);

  const cf = row("dag", "computeflow");
  const b = row("dag", "concurrent");
  const okRun = (r) => r?.status === "succeeded";
  add("makespan / critical path (computeflow)", okRun(cf) ? cf.makespanOverCp : undefined, "<= 1.05", (v) => v <= 1.05);
  add("makespan / critical path (baseline B), worse than computeflow", b?.makespanOverCp, "> computeflow's", (v) => okRun(cf) && v > cf.makespanOverCp);
  add("status polls / baseline B's", okRun(cf) && b ? cf.requests.polls / b.requests.polls : undefined, "<= 0.2", (v) => v <= 0.2);

  const lim = row("limits", "computeflow");
  add("429s caused by computeflow (200 concurrent creates)", okRun(lim) ? lim.requests.throttled : undefined, "0", (v) => v === 0);
  add("200 creates: makespan / bound at ARM's limits", okRun(lim) ? lim.makespanOverBound : undefined, "<= 1.5", (v) => v <= 1.5);
  const many = row("limits-many", "computeflow");
  add("5 subscriptions x 200 creates, one run: makespan / bound", okRun(many) ? many.makespanOverBound : undefined, "<= 1.5", (v) => v <= 1.5);
  add("429s caused by computeflow (5 x 200 creates)", okRun(many) ? many.requests.throttled : undefined, "0", (v) => v === 0);

  const f = row("faults", "computeflow");
  add("fault run completes (1 = yes)", f ? (okRun(f) ? 1 : 0) : undefined, "1", (v) => v === 1);
  add("duplicate creates under faults", f?.requests.duplicateCreates, "0", (v) => v === 0);
  add("requests under faults / fault-free", f?.requestRatio, "<= 1.6", (v) => v <= 1.6);

  const scale = results.scale?.rows ?? [];
  const at = (n) => scale.find((r) => r.steps === n && okRun(r));
  add("engine overhead at 1,000 steps (ms/step)", at(1000)?.msPerStep, "<= 5", (v) => v <= 5);
  add("peak RSS at 1,000 steps (MB)", at(1000)?.peakRssMb, "<= 150", (v) => v <= 150);
  const m = results.scale?.marginal ?? [];
  const growth = m.length >= 2 && scale.every((r) => r.status === "succeeded") ? m[m.length - 1].msPerStep / m[0].msPerStep : undefined;
  add(`marginal time per step, ${m.at(-1)?.from ?? "?"}->${m.at(-1)?.to ?? "?"} over ${m[0]?.from ?? "?"}->${m[0]?.to ?? "?"} (linear: ~1)`, growth, "<= 1.5", (v) => v <= 1.5);

  const cold = results["cold-start"]?.rows?.find((r) => r.plugin === "amlcompute" && r.steps === 1000 && r.exitCode === 0);
  add("validate p50, 1,000 steps, amlcompute plugin (ms)", cold?.validateMs.p50, "<= 300", (v) => v <= 300);
  add("validate 1,000 steps p50 / node -e 0 p50", cold ? cold.validateMs.p50 / cold.nodeMs.p50 : undefined, "<= 2.5", (v) => v <= 2.5);
  const small = results["cold-start"]?.rows?.find((r) => r.plugin === "amlcompute" && r.steps === 10 && r.exitCode === 0);
  add("validate 10 steps p50 / node -e 0 p50", small ? small.validateMs.p50 / small.nodeMs.p50 : undefined, "<= 2.5", (v) => v <= 2.5);
  const version = results["cold-start"]?.version;
  add("computeflow --version p50 / node -e 0 p50", version?.exitCode === 0 ? version.versionMs.p50 / version.nodeMs.p50 : undefined, "<= 1.5", (v) => v <= 1.5);
  return out;
}
