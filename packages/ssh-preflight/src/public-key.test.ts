import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SshPreflightCodes } from "./errors.js";
import { publicKeyOf } from "./public-key.js";

describe("publicKeyOf", () => {
  it("derives the same public key ssh-keygen wrote, also from an encrypted key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pubkey-"));
    await promisify(execFile)("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret-pp", "-C", "", "-f", join(dir, "k")]);
    const expected = (await readFile(join(dir, "k.pub"), "utf8")).trim().split(" ").slice(0, 2).join(" ");
    const key = await readFile(join(dir, "k"), "utf8");
    expect(publicKeyOf(key, "secret-pp")).toBe(expected);
    expect(() => publicKeyOf(key)).toThrow(expect.objectContaining({ code: SshPreflightCodes.KEY }));
  });
});
