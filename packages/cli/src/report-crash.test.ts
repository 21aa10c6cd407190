import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { reportCrash } from "./report-crash.js";

function sink() {
  let text = "";
  return { stream: new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), text: () => text };
}

describe("reportCrash", () => {
  const error = new Error("boom\nsecond line");

  it("prints one E_INTERNAL line and a hint, never the stack", () => {
    const err = sink();
    reportCrash(error, { stderr: err.stream, env: {} });
    expect(err.text()).toBe("error[E_INTERNAL]: boom\n  hint: this is a bug in computeflow or a plugin; rerun with COMPUTEFLOW_DEBUG=1 for details and report it\n");
  });

  it("adds the stack with COMPUTEFLOW_DEBUG=1", () => {
    const err = sink();
    reportCrash(error, { stderr: err.stream, env: { COMPUTEFLOW_DEBUG: "1" } });
    expect(err.text()).toMatch(/^error\[E_INTERNAL\]: boom\nError: boom\nsecond line\n\s+at /);
  });

  it("handles thrown non-errors", () => {
    const err = sink();
    reportCrash("just a string", { stderr: err.stream, env: {} });
    expect(err.text()).toMatch(/^error\[E_INTERNAL\]: just a string\n/);
  });
});
