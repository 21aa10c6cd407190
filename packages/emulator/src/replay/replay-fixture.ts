import type { RunningEmulator } from "../types.js";
import { compareStep, type PollSeen } from "./compare-step.js";
import { nearestVersion } from "./nearest-version.js";
import type { RecordedFixture, RecordedStep } from "./recorded-fixture.js";
import { send, type ReplayResponse } from "./replay-client.js";

export interface ReplayTarget {
  emulator: RunningEmulator;
  /** Moves the emulator's clock forward (the replay drives time by hand). */
  advance(ms: number): void;
  /** "/subscriptions/.../workspaces/{ws}" of the world's workspace. */
  workspacePath: string;
  location: string;
  servedVersions: readonly string[];
}

export interface StepResult {
  fixture: RecordedFixture;
  step: RecordedStep;
  servedVersion: string;
  differences: string[];
}

const POLL_STEP_MS = 250;
const POLL_LIMIT = 2000;

function mapBody(body: unknown, location: string): unknown {
  if (!body || typeof body !== "object" || !("location" in body)) return body;
  return { ...(body as Record<string, unknown>), location };
}

async function pollUntilDone(t: ReplayTarget, url: string): Promise<PollSeen> {
  const u = new URL(url);
  const get = () => send(t.emulator.endpoint, t.emulator.caCert, "GET", u.pathname + u.search);
  const first = (await get()).body as { status?: string };
  const seen: PollSeen = { states: [String(first?.status)], first, final: first };
  for (let i = 0; i < POLL_LIMIT && (seen.final as { status?: string })?.status === "InProgress"; i++) {
    t.advance(POLL_STEP_MS);
    seen.final = (await get()).body;
    const s = String((seen.final as { status?: string })?.status);
    if (seen.states.at(-1) !== s) seen.states.push(s);
  }
  return seen;
}

/** Replays one recorded session against the emulator, names mapped to its world; one result per compared step. */
export async function replayFixture(t: ReplayTarget, fixture: RecordedFixture): Promise<StepResult[]> {
  const version = nearestVersion(fixture.apiVersion, t.servedVersions);
  const results: StepResult[] = [];
  for (const step of fixture.steps) {
    const query = new URLSearchParams({ "api-version": version, ...step.request.query });
    const path = `${t.workspacePath}/${step.request.path.replace("{compute}", fixture.compute)}?${query}`;
    const got: ReplayResponse = await send(t.emulator.endpoint, t.emulator.caCert, step.request.method, path, mapBody(step.request.body, t.location));
    const asyncUrl = got.headers["azure-asyncoperation"];
    let poll: PollSeen | undefined;
    if (step.poll && typeof asyncUrl === "string") poll = await pollUntilDone(t, asyncUrl);
    if (step.setup) {
      if (step.waitFor) {
        t.advance(3_600_000);
        await send(t.emulator.endpoint, t.emulator.caCert, "GET", `${t.workspacePath}/computes/${fixture.compute}?api-version=${version}`);
      }
      continue;
    }
    results.push({ fixture, step, servedVersion: version, differences: compareStep(step, got, poll) });
  }
  return results;
}
