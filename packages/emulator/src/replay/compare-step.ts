import { isDeepStrictEqual } from "node:util";
import { shapeDifferences, valueAt } from "./body-shape.js";
import { LRO_HEADERS, type RecordedStep } from "./recorded-fixture.js";
import type { ReplayResponse } from "./replay-client.js";

/** What the replay saw while polling the emulator's Azure-AsyncOperation URL. */
export interface PollSeen {
  states: string[];
  first: unknown;
  final: unknown;
}

/** Every way the emulator's answer differs from the recorded one (empty: it matches). */
export function compareStep(step: RecordedStep, got: ReplayResponse, poll?: PollSeen): string[] {
  const want = step.response;
  const out: string[] = [];
  if (got.status !== want.status) out.push(`status ${got.status} (Azure: ${want.status})`);
  for (const h of LRO_HEADERS) {
    const expected = want.lro?.[h];
    if (expected === undefined) continue;
    const present = got.headers[h.toLowerCase()] !== undefined;
    if (present !== expected) out.push(`${h} ${present ? "present" : "absent"} (Azure: ${expected ? "present" : "absent"})`);
  }
  if (want.body === null && got.body !== null) out.push("a body (Azure: empty)");
  if (want.body !== undefined && want.body !== null) {
    out.push(...shapeDifferences(want.body, got.body));
    for (const path of step.values ?? []) {
      const [a, b] = [valueAt(want.body, path), valueAt(got.body, path)];
      if (!isDeepStrictEqual(a, b)) out.push(`${path} = ${JSON.stringify(b)} (Azure: ${JSON.stringify(a)})`);
    }
  }
  for (const key of want.absent ?? []) if (got.body && typeof got.body === "object" && key in got.body) out.push(`${key} present (Azure: absent)`);
  if (step.poll) out.push(...comparePoll(step.poll, poll));
  return out;
}

function comparePoll(want: NonNullable<RecordedStep["poll"]>, seen: PollSeen | undefined): string[] {
  if (!seen) return ["no Azure-AsyncOperation to poll"];
  const out: string[] = [];
  for (const s of seen.states) if (!want.states.includes(s)) out.push(`poll state ${s} (Azure: ${want.states.join(", ")})`);
  if (want.inProgress) {
    if (seen.states[0] !== "InProgress") out.push(`first poll ${seen.states[0]} (Azure: InProgress)`);
    else if (!isDeepStrictEqual(seen.first, want.inProgress)) out.push(`running poll body ${JSON.stringify(seen.first)} (Azure: ${JSON.stringify(want.inProgress)})`);
  }
  if (want.final && !isDeepStrictEqual(seen.final, want.final)) out.push(`final poll body ${JSON.stringify(seen.final)} (Azure: ${JSON.stringify(want.final)})`);
  return out;
}
