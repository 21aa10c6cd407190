import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SshPreflightCodes } from "./errors.js";
import { sshPreflight } from "./preflight.js";
import { startTestSshd, type TestSshd } from "./testing/test-sshd.js";

let withDocker: TestSshd;
let noDocker: TestSshd;

beforeAll(async () => {
  [withDocker, noDocker] = await Promise.all([startTestSshd({ withDocker: true }), startTestSshd()]);
});
afterAll(async () => {
  await Promise.all([withDocker?.close(), noDocker?.close()]);
});

const ubuntu = () => ({ osReleasePath: withDocker.osRelease.ubuntu });

describe("sshPreflight against a real OpenSSH server", () => {
  it("logs in with a password, reads the OS and finds Docker", async () => {
    const s = withDocker;
    const result = await sshPreflight({ host: s.host, port: s.port, username: s.username, password: s.password }, { ...ubuntu(), requireDocker: true });
    expect(result.os).toMatchObject({ id: "ubuntu", versionId: "20.04" });
    expect(result.docker).toBe("Docker version 24.0.7, build afdd53b");
  });

  it("logs in with a private key, and with an encrypted key plus passphrase", async () => {
    const s = withDocker;
    const plain = await sshPreflight({ host: s.host, port: s.port, username: s.username, privateKey: s.privateKey }, ubuntu());
    expect(plain.os.id).toBe("ubuntu");
    const encrypted = await sshPreflight({ host: s.host, port: s.port, username: s.username, privateKey: s.encryptedKey, passphrase: s.passphrase }, ubuntu());
    expect(encrypted.os.prettyName).toBe("Ubuntu 20.04.6 LTS");
  });

  it("says the password is wrong, without repeating it", async () => {
    const s = withDocker;
    const failure = sshPreflight({ host: s.host, port: s.port, username: s.username, password: "not-the-password" }, ubuntu());
    await expect(failure).rejects.toMatchObject({ code: SshPreflightCodes.AUTH, message: expect.stringContaining("failed with the given password") });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining("not-the-password") });
  });

  it("says a key is not authorized", async () => {
    const s = withDocker;
    await expect(sshPreflight({ host: s.host, port: s.port, username: s.username, privateKey: noDocker.privateKey }, ubuntu())).rejects.toMatchObject({
      code: SshPreflightCodes.AUTH,
      message: expect.stringContaining("private key"),
    });
  });

  it("says an encrypted key needs its passphrase", async () => {
    const s = withDocker;
    await expect(sshPreflight({ host: s.host, port: s.port, username: s.username, privateKey: s.encryptedKey }, ubuntu())).rejects.toMatchObject({
      code: SshPreflightCodes.KEY,
      hint: expect.stringContaining("private_key_passphrase"),
    });
  });

  it("refuses a machine that is not Ubuntu", async () => {
    const s = withDocker;
    await expect(sshPreflight({ host: s.host, port: s.port, username: s.username, password: s.password }, { osReleasePath: s.osRelease.centos })).rejects.toMatchObject({
      code: SshPreflightCodes.NOT_UBUNTU,
      message: expect.stringContaining("runs CentOS Linux 7 (Core); Azure Machine Learning supports only Ubuntu"),
    });
  });

  it("refuses a machine without Docker when the run configuration asks for it, and accepts it otherwise", async () => {
    const s = noDocker;
    const target = { host: s.host, port: s.port, username: s.username, password: s.password };
    await expect(sshPreflight(target, { osReleasePath: s.osRelease.ubuntu, requireDocker: true })).rejects.toMatchObject({ code: SshPreflightCodes.NO_DOCKER });
    await expect(sshPreflight(target, { osReleasePath: s.osRelease.ubuntu })).resolves.toMatchObject({ docker: undefined });
  });

  it("gives up within the timeout on a port that accepts but never speaks SSH", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    try {
      await expect(sshPreflight({ host: "127.0.0.1", port, username: "azureuser", password: "x" }, { timeoutMs: 500 })).rejects.toMatchObject({
        code: SshPreflightCodes.UNREACHABLE,
        message: expect.stringContaining("Timed out while waiting for handshake"),
      });
      expect(Date.now() - started).toBeLessThan(10_000); // a hang would run into the test timeout
    } finally {
      silent.close();
    }
  });

  it("says when nothing listens on the SSH port", async () => {
    const s = withDocker;
    const started = Date.now();
    await s.close();
    await expect(sshPreflight({ host: s.host, port: s.port, display: "dsvm:22", username: s.username, password: s.password }, { timeoutMs: 30_000 })).rejects.toMatchObject({
      code: SshPreflightCodes.UNREACHABLE,
      message: "cannot reach SSH at dsvm:22: ECONNREFUSED",
      hint: expect.stringContaining("public IP"),
    });
    // refused at once, not after the 30 s timeout
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
