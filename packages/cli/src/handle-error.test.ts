import { Writable } from "node:stream";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { ComputeflowError } from "@computeflow/core";
import { handle } from "./handle-error.js";
import type { CliIO } from "./io.js";
import { UsageError } from "./usage-error.js";

function memoryIO(overrides: Partial<CliIO> = {}): CliIO & { err: () => string } {
  let text = "";
  const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { stdout: sink, stderr: sink, env: {}, cwd: "/repo", isTTY: false, err: () => text, ...overrides };
}

const location = { file: "/repo/wf.yaml", line: 7, column: 3 };

describe("handle: every error a command throws, to output and an exit code", () => {
  it("usage errors exit 2 as error[E_USAGE] with their hint; a precise code is kept", () => {
    const io = memoryIO();
    expect(handle(new UsageError("--action needs --plugin", "add --plugin"), io)).toBe(2);
    expect(handle(new UsageError("out.json exists and was not written by computeflow", "choose another -o file", "E_FILE_EXISTS"), io)).toBe(2);
    expect(io.err()).toBe("error[E_USAGE]: --action needs --plugin\n  hint: add --plugin\nerror[E_FILE_EXISTS]: out.json exists and was not written by computeflow\n  hint: choose another -o file\n");
  });

  it("invalid input exits 2; a run that cannot start exits 1; both print their code and hint", () => {
    const io = memoryIO();
    expect(handle(new ComputeflowError({ code: "E_MISSING_SECRET", errorClass: "validation", message: "secret X is not set", hint: "set X" }), io)).toBe(2);
    expect(handle(new ComputeflowError({ code: "E_ENDPOINT", errorClass: "endpoint", message: "cannot connect" }), io)).toBe(1);
    expect(io.err()).toBe("error[E_MISSING_SECRET]: secret X is not set\n  hint: set X\nerror[E_ENDPOINT]: cannot connect\n");
  });

  it("prints where the error points only when asked, and a chosen exit code for invalid input", () => {
    const refusal = new ComputeflowError({ code: "E_ARM_UNSUPPORTED", errorClass: "validation", message: "step a: reads a local file", location });
    const plainIO = memoryIO();
    expect(handle(refusal, plainIO)).toBe(2);
    expect(plainIO.err()).toBe("error[E_ARM_UNSUPPORTED]: step a: reads a local file\n");
    const io = memoryIO();
    expect(handle(refusal, io, { located: true, validationExit: 1 })).toBe(1);
    expect(io.err()).toBe("wf.yaml:7:3: error[E_ARM_UNSUPPORTED]: step a: reads a local file\n");
  });

  it("colours the label only when given a colour option on a TTY", () => {
    const error = new ComputeflowError({ code: "E_ENDPOINT", errorClass: "endpoint", message: "down" });
    const tty = memoryIO({ isTTY: true });
    handle(error, tty);
    expect(tty.err()).toBe("error[E_ENDPOINT]: down\n");
    handle(error, tty, { color: true });
    expect(tty.err()).toContain("\u001b[31merror[E_ENDPOINT]\u001b[39m: down\n");
  });

  it("runconfig's refusal to write a secret keeps its code (it has no brand), exit 1", () => {
    const io = memoryIO();
    expect(handle(Object.assign(new Error("refusing to write a generated file that contains a secret value"), { code: "E_SECRET_IN_FILE" }), io)).toBe(1);
    expect(io.err()).toBe("error[E_SECRET_IN_FILE]: refusing to write a generated file that contains a secret value\n");
  });

  it("anything else is a crash: E_INTERNAL, its first line, a hint, exit 1", () => {
    const io = memoryIO();
    expect(handle(new TypeError("x is undefined\nmore"), io)).toBe(1);
    expect(io.err()).toMatch(/^error\[E_INTERNAL\]: x is undefined\n {2}hint: this is a bug in computeflow or a plugin/);
  });

  it("commander has printed its own message: help and version exit 0, anything else 2, nothing more is printed", () => {
    const io = memoryIO();
    expect(handle(new CommanderError(0, "commander.version", "0.1.0"), io)).toBe(0);
    expect(handle(new CommanderError(0, "commander.help", "(outputHelp)"), io)).toBe(2);
    expect(handle(new CommanderError(1, "commander.unknownOption", "error: unknown option '--x'"), io)).toBe(2);
    expect(io.err()).toBe("");
  });
});
