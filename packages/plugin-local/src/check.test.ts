import { describe, expect, it } from "vitest";
import { checkLocalRun } from "./check.js";

describe("checkLocalRun", () => {
  it("accepts a Conda run and a user-managed run", () => {
    expect(checkLocalRun({ conda_file: "environment.yml", script: "train.py" })).toEqual([]);
    expect(checkLocalRun({ format: "v1", user_managed: true, interpreter_path: "/usr/bin/python3" }).map((p) => p.code)).toEqual(["W_V1_FORMAT"]);
  });
  it("refuses several nodes and distributed communicators", () => {
    expect(checkLocalRun({ script: "t.py", node_count: 2, communicator: "OpenMpi" }).map((p) => p.path)).toEqual(["/node_count", "/communicator"]);
  });
  it("keeps the shared run configuration checks (Conda and user-managed exclude each other)", () => {
    expect(checkLocalRun({ format: "v1", user_managed: true, interpreter_path: "python", conda_file: "env.yml" }).map((p) => p.path)).toEqual(["/format", "/conda_file"]);
  });
  it("refuses a user-managed Python in a v2 job: only v1 has it", () => {
    expect(checkLocalRun({ script: "t.py", user_managed: true, interpreter_path: "python" }).map((p) => p.path)).toEqual(["/user_managed"]);
  });
  it("refuses pyspark locally", () => {
    expect(checkLocalRun({ framework: "pyspark" })[0]!.path).toBe("/framework");
  });
});
