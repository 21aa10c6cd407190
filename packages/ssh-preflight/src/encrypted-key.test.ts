import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isEncryptedPrivateKey } from "./encrypted-key.js";

const keygen = (args: string[]) => promisify(execFile)("ssh-keygen", ["-q", "-C", "", ...args]);

describe("isEncryptedPrivateKey", () => {
  it("tells encrypted OpenSSH and PEM keys from plain ones", async () => {
    const dir = await mkdtemp(join(tmpdir(), "enckey-"));
    await keygen(["-t", "ed25519", "-N", "secret-pp", "-f", join(dir, "enc")]);
    await keygen(["-t", "ed25519", "-N", "", "-f", join(dir, "plain")]);
    await keygen(["-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "secret-pp", "-f", join(dir, "enc-pem")]);
    await keygen(["-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", join(dir, "plain-pem")]);
    const read = (f: string) => readFile(join(dir, f), "utf8");
    expect(isEncryptedPrivateKey(await read("enc"))).toBe(true);
    expect(isEncryptedPrivateKey(await read("enc-pem"))).toBe(true);
    expect(isEncryptedPrivateKey(await read("plain"))).toBe(false);
    expect(isEncryptedPrivateKey(await read("plain-pem"))).toBe(false);
  });
});
