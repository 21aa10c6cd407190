import { describe, expect, it } from "vitest";
import { administratorAccount, checkSshCredentials } from "./ssh-credentials.js";

describe("SSH credentials", () => {
  it("needs exactly one of password and private_key_file, and refuses a passphrase (Azure cannot use an encrypted key)", () => {
    expect(checkSshCredentials({ username: "u", password: "p" })).toEqual([]);
    expect(checkSshCredentials({ username: "u", private_key_file: "k" })).toEqual([]);
    expect(checkSshCredentials({ username: "u", private_key_file: "k", private_key_passphrase: "pp" }).map((p) => p.path)).toEqual(["/private_key_passphrase"]);
    expect(checkSshCredentials({ username: "u" }).map((p) => p.path)).toEqual([""]);
    expect(checkSshCredentials({ username: "u", password: "p", private_key_file: "k" }).map((p) => p.path)).toEqual(["/private_key_file"]);
    expect(checkSshCredentials({ username: "u", password: "p", private_key_passphrase: "pp" }).map((p) => p.path)).toEqual(["/private_key_passphrase"]);
  });

  it("builds the swagger's administratorAccount, never with the passphrase", () => {
    expect(administratorAccount({ username: "u", password: "p" })).toEqual({ username: "u", password: "p" });
    expect(administratorAccount({ username: "u", privateKey: "KEY", passphrase: "pp" }, "ssh-ed25519 AAAA")).toEqual({ username: "u", publicKeyData: "ssh-ed25519 AAAA", privateKeyData: "KEY" });
  });
});
