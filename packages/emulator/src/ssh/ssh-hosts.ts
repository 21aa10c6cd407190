import ssh2 from "ssh2";
import type { World } from "../world/world-types.js";
import { startSshHost, type SshHost } from "./ssh-host.js";

export interface SshHosts {
  /** "<address>:<port>" -> "127.0.0.1:<loopback port>" */
  endpoints: Record<string, string>;
  close(): Promise<void>;
}

/**
 * An ed25519 host key ssh2 can read back. About one key in 256 from ssh2's own generator has a
 * public key with a leading zero byte, which it strips and then cannot parse (mscdex/ssh2#1513):
 * the server would fail to start with "Malformed OpenSSH private key". Such a key is drawn again.
 */
function parsableHostKey(): string {
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync("ed25519");
    if (!(ssh2.utils.parseKey(pair.private) instanceof Error) && !(ssh2.utils.parseKey(pair.public) instanceof Error)) return pair.private;
  }
}

/** Starts one SSH server per VM and HDInsight cluster of the world; one host key for all. */
export async function startSshHosts(world: World): Promise<SshHosts> {
  const hostKey = parsableHostKey();
  const endpoints: Record<string, string> = {};
  const hosts: SshHost[] = [];
  for (const sub of world.subscriptions) {
    for (const rg of sub.resource_groups) {
      for (const vm of rg.virtual_machines ?? []) {
        const host = await startSshHost(vm, hostKey);
        hosts.push(host);
        const port = vm.ssh_port ?? 22;
        endpoints[`${vm.public_ip}:${port}`] = `127.0.0.1:${host.port}`;
        if (vm.fqdn) endpoints[`${vm.fqdn}:${port}`] = `127.0.0.1:${host.port}`;
      }
      for (const hdi of rg.hdinsight_clusters ?? []) {
        const host = await startSshHost(hdi, hostKey);
        hosts.push(host);
        endpoints[`${hdi.name}-ssh.azurehdinsight.net:${hdi.ssh_port ?? 22}`] = `127.0.0.1:${host.port}`;
      }
    }
  }
  return { endpoints, close: async () => void (await Promise.all(hosts.map((h) => h.close()))) };
}
