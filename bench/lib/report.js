import { fixed, table } from "./format.js";

const status = (r) => (r.status === "succeeded" ? "ok" : r.status ?? "failed");
const mb = (r) => fixed(r.peakRssMb, 0);

const failures = (rows = []) =>
  rows.filter((r) => r.status !== "succeeded" && r.error).map((r) => `- ${r.label ?? r.steps}: ${r.error.replace(/\s+/g, " ").slice(0, 240)}`);

/** Markdown tables of every scenario that ran, then the targets. */
export function renderReport(results, targets, titles) {
  const parts = [];
  const section = (id, body) => {
    if (!results[id]) return;
    if (results[id].error) return void parts.push(`### ${titles[id]}\n\nThe scenario did not finish: ${results[id].error}`);
    const notes = failures([...(results[id].rows ?? []), ...(results[id].armRow ? [results[id].armRow] : [])]);
    parts.push(`### ${titles[id]}\n\n${body(results[id])}${notes.length ? `\n\nFailures:\n${notes.join("\n")}` : ""}`);
  };
  section("dag", (d) =>
    [
      `${d.steps} steps, time scale ${d.timeScale}: critical path ${fixed(d.criticalPathS)} s (${d.criticalPath.join(" -> ")}), ` +
        `level-by-level bound ${fixed(d.levelBarrierS)} s, one-at-a-time sum ${fixed(d.serialS)} s.`,
      "",
      table(
        ["tool", "result", "makespan s", "x critical path", "1st request s", "ARM requests", "status polls", "writes", "peak RSS MB", "CPU s"],
        d.rows.map((r) => [r.label, status(r), fixed(r.wallS), fixed(r.makespanOverCp), fixed(r.firstRequestS), r.requests.total, r.requests.polls, r.requests.writes, mb(r), fixed(r.cpuS)]),
      ),
      ...d.rows.filter((r) => r.criticalPathTrace).map((r) => `\n${r.label} along the critical path (s after run start: started-finished, world duration): ` +
        r.criticalPathTrace.map((t) => `${t.step} ${fixed(t.start)}-${fixed(t.end)} (${fixed(t.expected)})`).join(", ")),
    ].join("\n"),
  );
  section("dag-arm", (d) =>
    d.skipped
      ? d.skipped
      : [
          `Scenario 1's ${d.steps} steps (attaches sign in with a password secret), time scale ${d.timeScale}: critical path ${fixed(d.criticalPathS)} s. ` +
            "With `--engine arm` the clusters, instances and attaches are one ARM deployment; the run configurations run locally after it. " +
            "Client requests are the CLI's own (deployment PUT and polls included); what ARM does inside the deployment is counted apart.",
          "",
          table(
            ["engine", "result", "makespan s", "x critical path", "client ARM requests", "status polls", "writes", "inside deployment", "duplicate creates", "peak RSS MB", "CPU s"],
            d.rows.map((r) => [r.label, status(r), fixed(r.wallS), fixed(r.makespanOverCp), r.requests.total, r.requests.polls, r.requests.writes, r.requests.insideDeployments, r.requests.duplicateCreates, mb(r), fixed(r.cpuS)]),
          ),
          "",
          `Client requests, --engine arm / local engine: ${fixed(d.clientRequestRatio)}.`,
        ].join("\n"),
  );
  const limitsSection = (d) =>
    [
      `${d.operations} creates of ${d.createSeconds} s each${d.subscriptions ? ` (${d.workflows} workflows, one per subscription, one run)` : ""}, real time, ARM's buckets on (reads 250 + 25/s, writes 200 + 10/s).`,
      `Lower bound: ${d.bound.formula}: ${fixed(d.bound.armS)} s at ARM's limits, ${fixed(d.bound.margin80S)} s at an 80% margin (160 + 8/s writes).`,
      "",
      table(
        ["tool", "result", "makespan s", "x bound", "429s received", "ARM requests", "writes", "status polls", "peak RSS MB", "CPU s"],
        d.rows.map((r) => [r.label, status(r), fixed(r.wallS), fixed(r.makespanOverBound), r.requests.throttled, r.requests.total, r.requests.writes, r.requests.polls, mb(r), fixed(r.cpuS)]),
      ),
    ].join("\n");
  section("limits", limitsSection);
  section("limits-many", limitsSection);
  section("faults", (d) =>
    [
      `Scenario 1's workflow, faults \`${d.faults}\`.`,
      "",
      table(
        ["tool", "result", "makespan s", "faults injected", "duplicate creates", "ARM requests", "fault-free", "ratio"],
        d.rows.map((r) => [r.label, status(r), fixed(r.wallS), r.requests.faults, r.requests.duplicateCreates, r.requests.total, r.faultFreeRequests, fixed(r.requestRatio)]),
      ),
    ].join("\n"),
  );
  section("scale", (d) =>
    [
      table(
        ["steps", "kind", "result", "wall s", "ms/step", "peak RSS MB", "CPU s", "ARM requests"],
        [...d.rows, ...(d.armRow ? [d.armRow] : [])].map((r) => [r.steps, r.kind, status(r), fixed(r.wallS), fixed(r.msPerStep), mb(r), fixed(r.cpuS), r.requests.total]),
      ),
      "",
      ...d.marginal.map((m) => `- each local step from ${m.from} to ${m.to}: ${fixed(m.msPerStep)} ms, ${fixed(m.rssKbPerStep, 1)} KB RSS`),
    ].join("\n"),
  );
  section("cold-start", (d) => (d.missing ? d.missing : coldStartText(d)));
  parts.push(`### Targets\n\n${table(["target", "value", "goal", "met"], targets.map((t) => [t.name, typeof t.value === "number" ? fixed(t.value) : "-", t.target, t.met ? "yes" : "NO"]))}`);
  return parts.join("\n\n");
}

function coldStartText(d) {
  const rows = d.rows.flatMap((r) => [
    [`computeflow validate (${r.steps} steps, ${r.plugin} plugin)`, r.exitCode, fixed(r.validateMs.p50, 0), fixed(r.validateMs.p95, 0), fixed(r.validateMs.p50 / r.nodeMs.p50), r.azureModulesLoaded.length ? r.azureModulesLoaded.join(" ") : "none"],
    ["node -e 0", 0, fixed(r.nodeMs.p50, 0), fixed(r.nodeMs.p95, 0), "1.00", "-"],
    ["floor: js-yaml parseEvents of the same file, nothing else", 0, fixed(r.yamlParseOnlyMs.p50, 0), fixed(r.yamlParseOnlyMs.p95, 0), fixed(r.yamlParseOnlyMs.p50 / r.nodeMs.p50), "-"],
  ]);
  if (d.version) {
    rows.push(["computeflow --version", d.version.exitCode, fixed(d.version.versionMs.p50, 0), fixed(d.version.versionMs.p95, 0), fixed(d.version.versionMs.p50 / d.version.nodeMs.p50), "-"]);
    rows.push(["node -e 0", 0, fixed(d.version.nodeMs.p50, 0), fixed(d.version.nodeMs.p95, 0), "1.00", "-"]);
  }
  return table(["command", "exit", "p50 ms", "p95 ms", "x node -e 0", "Azure SDK modules loaded"], rows);
}
