import { describe, expect, it } from "vitest";
import { crashAfterOption } from "./crash-after.js";

describe("COMPUTEFLOW_CRASH_AFTER", () => {
  it("is off when unset, and refuses what it cannot read with a usage error", () => {
    expect(crashAfterOption({})).toEqual({});
    expect(crashAfterOption({ COMPUTEFLOW_CRASH_AFTER: "" })).toEqual({});
    expect(() => crashAfterOption({ COMPUTEFLOW_CRASH_AFTER: "step_begun:a" })).toThrow(/COMPUTEFLOW_CRASH_AFTER must be TYPE:STEP\[:N\]/);
    expect(() => crashAfterOption({ COMPUTEFLOW_CRASH_AFTER: "write:a:0" })).toThrow(/must be/);
  });

  it("ignores records of other types and steps until the N-th match (the kill itself is tested through the real CLI)", () => {
    const { onJournal } = crashAfterOption({ COMPUTEFLOW_CRASH_AFTER: "write:cpu:3" });
    const kill = process.kill;
    const killed: unknown[] = [];
    process.kill = ((pid: number, signal?: string | number) => (killed.push([pid, signal]), true)) as typeof process.kill;
    try {
      for (const [type, step] of [["write", "gpu"], ["step_started", "cpu"], ["write", "cpu"], ["write", "cpu"]] as const) onJournal!(type, step);
      expect(killed).toEqual([]);
      onJournal!("write", "cpu");
      expect(killed).toEqual([[process.pid, "SIGKILL"]]);
    } finally {
      process.kill = kill;
    }
  });
});
