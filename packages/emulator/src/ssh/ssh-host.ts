import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import ssh2 from "ssh2";
import type { SshHostSpec } from "../world/world-types.js";
import { execCommand } from "./exec-command.js";

export interface SshHost {
  port: number;
  close(): Promise<void>;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function publicKeyAllowed(spec: SshHostSpec, algo: string, data: Buffer): ssh2.ParsedKey | undefined {
  for (const line of spec.public_keys ?? []) {
    const parsed = ssh2.utils.parseKey(line);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!key || key instanceof Error) continue;
    if (key.type === algo && key.getPublicSSH().equals(data)) return key;
  }
  return undefined;
}

/** One loopback SSH server standing in for a VM or head node of the world. */
export async function startSshHost(spec: SshHostSpec & { name: string }, hostKey: string): Promise<SshHost> {
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    client.on("error", () => undefined);
    // As a real sshd answers: no Nagle stalls of its own (without this, a login against the
    // emulator took twice as long as against OpenSSH on loopback).
    // (ssh2 documents Connection.setNoDelay; @types/ssh2 declares it on Client only)
    (client as unknown as { setNoDelay(noDelay: boolean): void }).setNoDelay(true);
    client.on("authentication", (ctx) => {
      if (ctx.username !== spec.username) return ctx.reject(["password", "publickey"]);
      if (ctx.method === "password") {
        return spec.password !== undefined && same(ctx.password, spec.password) ? ctx.accept() : ctx.reject(["password", "publickey"]);
      }
      if (ctx.method === "publickey") {
        const key = publicKeyAllowed(spec, ctx.key.algo, ctx.key.data);
        if (!key) return ctx.reject(["password", "publickey"]);
        if (!ctx.signature) return ctx.accept();
        return key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject();
      }
      return ctx.reject(["password", "publickey"]);
    });
    client.on("ready", () => {
      client.on("session", (accept) => {
        const session = accept();
        session.on("exec", (acceptExec, _reject, info) => {
          const stream = acceptExec();
          const result = execCommand(info.command, spec);
          if (result.stdout) stream.write(result.stdout);
          if (result.stderr) stream.stderr.write(result.stderr);
          stream.exit(result.code);
          stream.end();
        });
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
