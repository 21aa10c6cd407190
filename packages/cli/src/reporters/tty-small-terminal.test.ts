import { PassThrough } from "node:stream";
import type { RunEvent } from "@computeflow/core";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../io.js";
import { ttyReporter } from "./tty-reporter.js";

// A live view that wraps, or is taller than the screen, cannot be redrawn in place: the
// cursor cannot move back above the top of the screen, so every frame lands in the scrollback.
const t = "2026-01-01T10:00:00.000Z";
const ids = Array.from({ length: 12 }, (_, i) => `a-rather-long-step-name-number-${i}`);

function terminal(rows: number, columns: number) {
  const stdout = Object.assign(new PassThrough(), { rows, columns, isTTY: true });
  let out = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  const io: CliIO = { stdout, stderr: new PassThrough(), env: {}, cwd: "/w", isTTY: true };
  return { io, out: () => out };
}

function liveFrames(rows: number, columns: number): string[] {
  const { io, out } = terminal(rows, columns);
  const reporter = ttyReporter({ io, file: "/w/wf.yaml", locations: {}, color: true }, 60_000);
  const events: RunEvent[] = [
    { type: "run_started", time: t, mode: "run", workflow: "demo", file: "/w/wf.yaml", steps: ids },
    ...ids.map((id): RunEvent => ({ type: "step_started", time: t, step: id, uses: "amlcompute", action: "provision", attempt: 1 })),
    ...ids.map((id): RunEvent => ({ type: "step_progress", time: t, step: id, progress: { provisioningState: "Creating", nodes: { current: 1, target: 4 } } })),
  ];
  events.forEach((e) => reporter.onEvent(e));
  const written = out();
  reporter.close();
  return written.split(/\u001b\[\d+A\u001b\[0J/).filter(Boolean);
}

const plainText = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

describe("the live view in a small terminal", () => {
  it.each([
    [8, 40],
    [4, 30],
    [2, 20],
  ])("%i rows x %i columns: no row wraps and a frame is never taller than the screen", (rows, columns) => {
    const frames = liveFrames(rows, columns);
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames) {
      const lines = frame.split("\n").filter((l) => l !== "");
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const line of lines) expect([...plainText(line)].length).toBeLessThan(columns);
    }
  });
});
