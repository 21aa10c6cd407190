import { readFileSync } from "node:fs";
import ssh2 from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../server.js";
import type { RunningEmulator } from "../types.js";
import { plain } from "../__fixtures__/https.js";

let em: RunningEmulator;
beforeAll(async () => {
  em = await startEmulator({ timeScale: 0.01 });
});
afterAll(() => em.close());

const KEY = readFileSync(new URL("../../fixtures/demo_ed25519", import.meta.url), "utf8");

function exec(target: string, auth: { username: string; password?: string; privateKey?: string }, command: string): Promise<{ code: number; out: string; err: string }> {
  const [host, port] = target.split(":");
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on("ready", () => {
        client.exec(command, (e, stream) => {
          if (e) return reject(e);
          let out = "";
          let err = "";
          let code = -1;
          stream.on("data", (d: Buffer) => (out += d));
          stream.stderr.on("data", (d: Buffer) => (err += d));
          stream.on("exit", (c: number) => (code = c));
          stream.on("close", () => {
            client.end();
            resolve({ code, out, err });
          });
        });
      })
      .on("error", reject)
      .connect({ host, port: Number(port), ...auth, readyTimeout: 5000 });
  });
}

describe("loopback SSH servers standing in for the world's VM and head node", () => {
  it("maps the VM's public IP, FQDN and the HDInsight SSH host to loopback ports (also on /_emulator/ssh-endpoints)", async () => {
    expect(Object.keys(em.sshEndpoints).sort()).toEqual(["20.50.100.10:22", "dsvm.westeurope.cloudapp.azure.com:22", "hdi-spark-ssh.azurehdinsight.net:22"]);
    expect(Object.values(em.sshEndpoints).every((v) => /^127\.0\.0\.1:\d+$/.test(v))).toBe(true);
    expect((await plain(em, "GET", "/_emulator/ssh-endpoints")).json()).toEqual(em.sshEndpoints);
  });

  it("the VM accepts the world's password and reports its OS and docker", async () => {
    const vm = em.sshEndpoints["20.50.100.10:22"]!;
    const auth = { username: "azureuser", password: em.demoSecrets.AML_VM_PASSWORD! };
    const os = await exec(vm, auth, "cat /etc/os-release");
    expect(os.code).toBe(0);
    expect(os.out).toContain('VERSION_ID="20.04"');
    expect(os.out).toContain("ID=ubuntu");
    expect(await exec(vm, auth, "docker --version")).toMatchObject({ code: 0, out: expect.stringContaining("Docker version") });
  });

  it("the VM accepts the shipped demo key; the HDInsight head node has no docker (exit 127)", async () => {
    const vm = em.sshEndpoints["20.50.100.10:22"]!;
    expect((await exec(vm, { username: "azureuser", privateKey: KEY }, "whoami")).out).toBe("azureuser\n");
    const hdi = em.sshEndpoints["hdi-spark-ssh.azurehdinsight.net:22"]!;
    const docker = await exec(hdi, { username: "sshuser", password: em.demoSecrets.AML_HDI_PASSWORD! }, "docker --version");
    expect(docker).toMatchObject({ code: 127, err: expect.stringContaining("command not found") });
  });

  it("refuses a wrong password and an unknown user", async () => {
    const vm = em.sshEndpoints["20.50.100.10:22"]!;
    await expect(exec(vm, { username: "azureuser", password: "wrong" }, "true")).rejects.toThrow(/authentication/i);
    await expect(exec(vm, { username: "root", password: em.demoSecrets.AML_VM_PASSWORD! }, "true")).rejects.toThrow(/authentication/i);
  });
});
