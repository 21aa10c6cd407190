/**
 * Renders generated steps two ways: a computeflow workflow file, and the plain spec the
 * baseline scripts loop over (the same computes, with the ARM bodies a user would send).
 */
import { dump } from "js-yaml";
import { demoKeyFile, RESOURCE_GROUP, SUBSCRIPTION, vmAddress, vmResourceId, WORKSPACE } from "./world.js";

const CLUSTER_SIZE = "Standard_D1_v2";
const INSTANCE_SIZE = "Standard_D3_v2";
const pluginOf = { cluster: "amlcompute", instance: "instance", attach: "remote-vm", "local-run": "local" };
const actionOf = { cluster: "provision", instance: "provision", attach: "attach", "configure-run": "configure-run", "local-run": "configure-run" };

/** @param {import("./dag.js").Step[]} steps */
function attachIndexes(steps) {
  const out = new Map();
  for (const s of steps) if (s.kind === "attach") out.set(s.id, out.size);
  return out;
}

/**
 * @param {import("./dag.js").Step[]} steps
 * @param {string} [subscription]
 * @param {{passwordSecret?: string}} [options] attaches sign in with `secrets.<passwordSecret>` instead of the key file
 */
export function workflowYaml(name, steps, subscription = SUBSCRIPTION, options = {}) {
  const attaches = attachIndexes(steps);
  const kindOf = new Map(steps.map((s) => [s.id, s.kind]));
  const out = {};
  for (const s of steps) {
    const implicit = s.compute ? [s.compute] : [];
    const needs = s.needs.filter((n) => !implicit.includes(n));
    out[s.id] = {
      uses: pluginOf[s.kind] ?? pluginOf[kindOf.get(s.compute ?? "") ?? "cluster"],
      action: actionOf[s.kind],
      ...(needs.length ? { needs } : {}),
      with: withOf(s, attaches, options),
    };
  }
  const doc = {
    version: 1,
    name,
    workspace: { subscription_id: subscription, resource_group: RESOURCE_GROUP, name: WORKSPACE },
    steps: out,
  };
  return dump(doc, { lineWidth: 200, noRefs: true });
}

function withOf(step, attaches, { passwordSecret } = {}) {
  switch (step.kind) {
    case "cluster":
      return { vm_size: CLUSTER_SIZE, max_nodes: 1 };
    case "instance":
      return { vm_size: INSTANCE_SIZE };
    case "attach": {
      const i = attaches.get(step.id);
      const auth = passwordSecret ? { password: `\${{ secrets.${passwordSecret} }}` } : { private_key_file: demoKeyFile };
      return { resource_id: vmResourceId(i), ssh_port: 22, username: "azureuser", ...auth };
    }
    case "local-run":
      return {
        framework: "python",
        script: "train.py",
        ...(step.needs.length ? { environment_variables: { PARENT_RUNCONFIG: `\${{ steps.${step.needs[0]}.outputs.path }}` } } : {}),
      };
    default:
      return { compute: `\${{ steps.${step.compute}.outputs.name }}`, framework: "python", script: "train.py" };
  }
}

/** @param {import("./dag.js").Step[]} steps */
export function baselineSpec(steps, outDir) {
  const attaches = attachIndexes(steps);
  return {
    workspace: { subscriptionId: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: WORKSPACE },
    outDir,
    steps: steps.map((s) => ({ ...s, ...bodyOf(s, attaches) })),
  };
}

function bodyOf(step, attaches) {
  switch (step.kind) {
    case "cluster":
      return {
        body: {
          properties: {
            computeType: "AmlCompute",
            properties: {
              vmSize: CLUSTER_SIZE,
              vmPriority: "Dedicated",
              scaleSettings: { maxNodeCount: 1, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: "PT1800S" },
            },
          },
        },
      };
    case "instance":
      return { body: { properties: { computeType: "ComputeInstance", properties: { vmSize: INSTANCE_SIZE } } } };
    case "attach": {
      const i = attaches.get(step.id);
      return {
        privateKeyFile: demoKeyFile,
        body: {
          properties: {
            computeType: "VirtualMachine",
            resourceId: vmResourceId(i),
            properties: { address: vmAddress(i), sshPort: 22, administratorAccount: { username: "azureuser" } },
          },
        },
      };
    }
    default:
      return { runconfig: { framework: "Python", communicator: "None" } };
  }
}
