import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Problem } from "@computeflow/core";
import type { CliIO } from "./io.js";
import { countProblems, displayPath, renderProblems } from "./render-problems.js";

function memoryIO(overrides: Partial<CliIO> = {}): CliIO & { err: () => string } {
  let text = "";
  const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stdout: sink, stderr: sink, env: {}, cwd: "/repo", isTTY: false, err: () => text, ...overrides };
}

const problems: Problem[] = [
  { code: "E_CYCLE", message: "cycle: a -> b -> a", severity: "error", location: { file: "/repo/wf.yaml", line: 9, column: 3 }, hint: "remove one" },
  { code: "E_SCHEMA", message: "max_nodes must be >= 1", severity: "error", location: { file: "/repo/wf.yaml", line: 4, column: 18 } },
  { code: "E_DEPRECATED", message: "retired", severity: "warning", location: { file: "/repo/other.yaml", line: 1, column: 1 } },
];

describe("renderProblems", () => {
  it("prints FILE:LINE:COL: error[CODE]: message with an indented hint, sorted by position within a file", () => {
    const io = memoryIO();
    renderProblems(problems, io);
    expect(io.err()).toBe(
      "wf.yaml:4:18: error[E_SCHEMA]: max_nodes must be >= 1\n" +
        "wf.yaml:9:3: error[E_CYCLE]: cycle: a -> b -> a\n  hint: remove one\n" +
        "other.yaml:1:1: warning[E_DEPRECATED]: retired\n",
    );
  });

  it("colours only on a TTY, and never with NO_COLOR or --no-color", () => {
    const esc = "\u001b[";
    const tty = memoryIO({ isTTY: true });
    renderProblems(problems, tty);
    expect(tty.err()).toContain(`${esc}31merror[E_SCHEMA]`);
    const noColorEnv = memoryIO({ isTTY: true, env: { NO_COLOR: "1" } });
    renderProblems(problems, noColorEnv);
    expect(noColorEnv.err()).not.toContain(esc);
    const flag = memoryIO({ isTTY: true });
    renderProblems(problems, flag, { color: false });
    expect(flag.err()).not.toContain(esc);
  });

  it("prints problems without a position as error[CODE]: message", () => {
    const io = memoryIO();
    renderProblems([{ code: "E_FILE_NOT_FOUND", message: "no such file", severity: "error" }], io);
    expect(io.err()).toBe("error[E_FILE_NOT_FOUND]: no such file\n");
  });
});

describe("countProblems / displayPath", () => {
  it("counts errors and warnings with plurals", () => {
    expect(countProblems(problems)).toBe("2 errors, 1 warning");
    expect(countProblems(problems.slice(0, 1))).toBe("1 error");
    expect(countProblems(problems.slice(2))).toBe("1 warning");
  });

  it("shows paths under the working directory relative to it, others as given", () => {
    expect(displayPath("/repo/a/wf.yaml", "/repo")).toBe("a/wf.yaml");
    expect(displayPath("/elsewhere/wf.yaml", "/repo")).toBe("/elsewhere/wf.yaml");
    expect(displayPath("rel/wf.yaml", "/repo")).toBe("rel/wf.yaml");
  });
});
