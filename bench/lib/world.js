/**
 * The emulator worlds the scenarios share. Durations are seconds at time scale 1; every
 * tool sees the same world at the same scale.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.js";

export const SUBSCRIPTION = "00000000-0000-0000-0000-0000000000b0";
export const RESOURCE_GROUP = "bench-rg";
export const WORKSPACE = "bench-ws";
export const LOCATION = "westeurope";

export const demoKeyFile = join(repoRoot, "packages", "emulator", "fixtures", "demo_ed25519");
const demoPublicKey = () => readFileSync(`${demoKeyFile}.pub`, "utf8").trim();

/** Realistic relative durations (seconds): cluster ~2 min, instance ~5 min, attach ~20 s. */
export const REALISTIC = { cluster: 120, instance: 300, attach: 20, "configure-run": 0 };

/** Seconds a step of this kind takes in a world with these durations. */
export function stepSeconds(kind, durations) {
  return durations[kind] ?? 0;
}

/** @param {number} index */
export function vmName(index) {
  return `vm-${String(index + 1).padStart(2, "0")}-host`;
}

/** @param {number} index */
export function vmAddress(index) {
  return `20.50.${Math.floor(index / 250) + 100}.${(index % 250) + 1}`;
}

/**
 * @param {{durations: {cluster: number, attach: number, instance?: number}, vms?: number, retryAfter?: number, subscriptions?: string[], vmPassword?: string}} options
 */
export function benchWorld({ durations, vms = 0, retryAfter = 1, subscriptions = [SUBSCRIPTION], vmPassword }) {
  const key = vms > 0 ? demoPublicKey() : "";
  return {
    durations: {
      create: durations.cluster,
      attach: durations.attach,
      update: 1,
      delete: 1,
      resize: 0,
      retry_after: retryAfter,
    },
    create_durations: { ComputeInstance: durations.instance ?? durations.cluster },
    subscriptions: subscriptions.map((id, n) => ({
      id,
      quotas: { [LOCATION]: { total_dedicated: 1_000_000, low_priority: 1_000_000, standardDv2Family: 1_000_000 } },
      resource_groups: [
        {
          name: RESOURCE_GROUP,
          location: LOCATION,
          workspaces: [{ name: WORKSPACE }],
          virtual_machines: Array.from({ length: n === 0 ? vms : 0 }, (_, i) => ({
            name: vmName(i),
            vm_size: "Standard_D4s_v3",
            public_ip: vmAddress(i),
            ssh_port: 22,
            username: "azureuser",
            public_keys: [key],
            ...(vmPassword ? { password: vmPassword } : {}),
            os: { id: "ubuntu", version_id: "20.04", pretty_name: "Ubuntu 20.04.6 LTS" },
            docker: true,
          })),
        },
      ],
    })),
  };
}

/** The n-th of several bench subscriptions (scenario 2b). */
export function benchSubscription(n) {
  return n === 0 ? SUBSCRIPTION : `00000000-0000-0000-0000-0000000000${(0xb0 + n).toString(16)}`;
}

export function vmResourceId(index) {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Compute/virtualMachines/${vmName(index)}`;
}
