import { fixed, table } from "./format.js";

const status = (r) => (r.status === "succeeded" ? "ok" : r.status ?? "failed");
const mb = (r) => fixed(r.peakRssMb, 0);

/** Markdown tables of every scenario that ran, then the targets. */
export function renderReport(results, targets, titles) {
  const parts = [];
  const section = (id, body) => results[id] && parts.push(`### ${titles[id]}\n\n${body(results[id])}`);
  section("dag", (d) =>
    [
      `${d.steps} steps, time scale ${d.timeScale}: critical path ${fixed(d.criticalPathS)} s (${d.criticalPath.join(" -> ")}), ` +
        `level-by-level bound ${fixed(d.levelBarrierS)} s, one-at-a-time sum ${fixed(d.serialS)} s.`,
      "",
      table(
        ["tool", "result", "makespan s", "x critical path", "ARM requests", "status polls", "writes", "peak RSS MB", "CPU s"],
        d.rows.map((r) => [r.tool, status(r), fixed(r.wallS), fixed(r.makespanOverCp), r.requests.total, r.requests.polls, r.requests.writes, mb(r), fixed(r.cpuS)]),
      ),
    ].join("\n"),
  );
  section("limits", (d) =>
    [
      `${d.operations} creates of ${d.createSeconds} s each, real time, ARM's buckets on (reads 250 + 25/s, writes 200 + 10/s).`,
      "",
      table(
        ["tool", "result", "makespan s", "429s received", "ARM requests", "status polls", "peak RSS MB", "CPU s"],
        d.rows.map((r) => [r.tool, status(r), fixed(r.wallS), r.requests.throttled, r.requests.total, r.requests.polls, mb(r), fixed(r.cpuS)]),
      ),
    ].join("\n"),
  );
  section("faults", (d) =>
    [
      `Scenario 1's workflow, faults \`${d.faults}\`.`,
      "",
      table(
        ["tool", "result", "makespan s", "faults injected", "duplicate creates", "ARM requests", "fault-free", "ratio"],
        d.rows.map((r) => [r.tool, status(r), fixed(r.wallS), r.requests.faults, r.requests.duplicateCreates, r.requests.total, r.faultFreeRequests, fixed(r.requestRatio)]),
      ),
    ].join("\n"),
  );
  section("scale", (d) =>
    [
      table(
        ["steps", "result", "wall s", "ms/step", "peak RSS MB", "CPU s", "ARM requests"],
        d.rows.map((r) => [r.steps, status(r), fixed(r.wallS), fixed(r.msPerStep), mb(r), fixed(r.cpuS), r.requests.total]),
      ),
      "",
      ...d.marginal.map((m) => `- each step from ${m.from} to ${m.to}: ${fixed(m.msPerStep)} ms, ${fixed(m.rssKbPerStep, 1)} KB RSS`),
    ].join("\n"),
  );
  section("cold-start", (d) => (d.missing ? d.missing : coldStartText(d)));
  parts.push(`### Targets\n\n${table(["target", "value", "goal", "met"], targets.map((t) => [t.name, typeof t.value === "number" ? fixed(t.value) : "-", t.target, t.met ? "yes" : "NO"]))}`);
  return parts.join("\n\n");
}

function coldStartText(d) {
  const rows = Object.entries(d)
    .filter(([, v]) => v && typeof v === "object" && !Array.isArray(v) && ("p50Ms" in v || "p50" in v))
    .map(([k, v]) => [k, fixed(v.p50Ms ?? v.p50, 0), fixed(v.p90Ms ?? v.p90 ?? v.maxMs ?? NaN, 0)]);
  if (rows.length === 0) return "```\n" + JSON.stringify(d, null, 2) + "\n```";
  return table(["command", "p50 ms", "p90 ms"], rows);
}
