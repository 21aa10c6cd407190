import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { describe, expect, it } from "vitest";
import { decideAttach, type AttachTarget } from "./plan-attach.js";

const VM = "/subscriptions/s/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/dsvm";
const target: AttachTarget = { resourceId: VM, computeType: "VirtualMachine", settings: { sshPort: 22, address: "20.50.100.10" } };

function compute(name: string, extra: Record<string, unknown> = {}): ComputeResource {
  return {
    name,
    id: `/ws/computes/${name}`,
    properties: { computeType: "VirtualMachine", resourceId: VM.toLowerCase(), isAttachedCompute: true, provisioningState: "Succeeded", properties: { sshPort: 22, address: "20.50.100.10" }, ...extra },
  } as ComputeResource;
}

const decide = (computes: ComputeResource[], reattach = false, name = "dsvm") => decideAttach(computes, name, "ml-ws", target, reattach);

describe("decideAttach", () => {
  it("attaches what is not there, and changes nothing when the same attachment exists", () => {
    expect(decide([])).toMatchObject({ change: "attach", summary: "attach VirtualMachine dsvm (resource group ml-rg) as dsvm", state: { mode: "attach" } });
    expect(decide([compute("dsvm")])).toMatchObject({ change: "noop", state: { mode: "noop", outputs: { name: "dsvm", id: "/ws/computes/dsvm", resource_id: VM.toLowerCase() } } });
  });

  it("blocks the same resource under another name (E_DUPLICATE_ATTACHMENT), and moves it only with reattach", () => {
    const blocked = decide([compute("old-vm")]);
    expect(blocked).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT" });
    expect(blocked.reason).toContain("already attached to this workspace as old-vm");
    expect(blocked.hint).toBe("detach old-vm first (a step with `action: detach` and `name: old-vm`), or set `reattach: true` to move the attachment to dsvm");
    expect(decide([compute("old-vm")], true)).toMatchObject({ change: "reattach", state: { mode: "reattach", detachFirst: "old-vm" } });
  });

  it("needs reattach for changed settings, and shows the difference", () => {
    const changed = compute("dsvm", { properties: { sshPort: 2222, address: "20.50.100.10" } });
    expect(decide([changed])).toMatchObject({
      change: "blocked",
      code: "E_REATTACH_REQUIRED",
      diff: [{ path: "properties.properties.sshPort", from: 2222, to: 22 }],
    });
    expect(decide([changed], true)).toMatchObject({ change: "reattach", state: { mode: "reattach", detachFirst: "dsvm" } });
    expect(decide([compute("dsvm", { provisioningState: "Failed" })])).toMatchObject({ change: "blocked", code: "E_REATTACH_REQUIRED", reason: expect.stringContaining("is in state Failed") });
  });

  it("refuses a name taken by a compute the workspace created", () => {
    const cluster = compute("dsvm", { computeType: "AmlCompute", isAttachedCompute: false, resourceId: undefined });
    expect(decide([cluster])).toMatchObject({ change: "blocked", code: "E_DUPLICATE_NAME", reason: "compute name dsvm is already used by a AmlCompute in workspace ml-ws" });
  });

  it("waits for an attach in flight, and attaches again after a detach in flight", () => {
    expect(decide([compute("dsvm", { provisioningState: "Creating" })])).toMatchObject({ change: "in-progress", state: { mode: "wait" } });
    expect(decide([compute("dsvm", { provisioningState: "Deleting" })])).toMatchObject({ change: "in-progress", state: { mode: "reattach", detachFirst: "dsvm", detachStarted: true } });
  });
});
