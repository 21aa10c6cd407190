import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/computeflow.js", import.meta.url));

it("exits quietly when the reader of stdout goes away (computeflow plugins | head -1)", async () => {
  const child = spawn(process.execPath, [bin, "plugins"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toContain("E_INTERNAL");
  expect(stderr).not.toContain("EPIPE");
  expect(code).toBe(0);
});
