import ssh2 from "ssh2";
import type { World } from "../world/world-types.js";
import { startSshHost, type SshHost } from "./ssh-host.js";

export interface SshHosts {
  /** "<address>:<port>" -> "127.0.0.1:<loopback port>" */
  endpoints: Record<string, string>;
  close(): Promise<void>;
}

/** Starts one SSH server per VM and HDInsight cluster of the world; one host key for all. */
export async function startSshHosts(world: World): Promise<SshHosts> {
  const hostKey = ssh2.utils.generateKeyPairSync("ed25519").private;
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
