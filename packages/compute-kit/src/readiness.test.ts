import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { PollReader } from "@computeflow/core";
import { describe, expect, it } from "vitest";
import { provisioningOutcome, untilReady } from "./readiness.js";
import { removeThenPut } from "./remove-then-put.js";
import { untilGone } from "./until-gone.js";

function reader(listed: ComputeResource | undefined, detail = listed): PollReader & { details: number } {
  const r = { details: 0, compute: async () => listed, computeDetail: async () => (r.details++, detail) };
  return r;
}
const compute = (state: string | undefined, extra: Record<string, unknown> = {}): ComputeResource =>
  ({ name: "c", id: "/subscriptions/s/computes/c", properties: { computeType: "AmlCompute", provisioningState: state, ...extra } }) as ComputeResource;
const rules = { kind: "cluster", name: "c", description: "creating c", outputs: (c: ComputeResource) => ({ name: c.name ?? "" }) };

describe("provisioningOutcome", () => {
  it("treats Failed and Canceled as failed, Succeeded as done, Deleting apart, anything else as pending", () => {
    expect(["Succeeded", "Failed", "Canceled", "Creating", "Updating", "Deleting", undefined].map((s) => provisioningOutcome(compute(s)))).toEqual([
      "succeeded",
      "failed",
      "failed",
      "pending",
      "pending",
      "deleting",
      "pending",
    ]);
  });
});

describe("untilReady", () => {
  it("waits while the compute is absent or still provisioning", async () => {
    expect(await untilReady(rules).check(reader(undefined))).toEqual({ done: false, progress: { message: "waiting for the cluster to appear" } });
    expect(await untilReady(rules).check(reader(compute("Creating")))).toEqual({ done: false, progress: { provisioningState: "Creating" } });
  });

  it("fails a Canceled compute at once, reading its errors from a fresh GET", async () => {
    const r = reader(compute("Canceled"));
    const status = await untilReady(rules).check(r);
    expect(status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", retryable: false, message: "cluster c failed to provision: Canceled: the operation was canceled in Azure" } });
    expect(r.details).toBe(1);
  });

  it("fails a compute someone is deleting instead of waiting for it", async () => {
    expect(await untilReady(rules).check(reader(compute("Deleting")))).toMatchObject({ done: true, error: { code: "E_UNEXPECTED_STATE" } });
  });

  it("keeps ARM's errors in full and calls a quota failure E_QUOTA", async () => {
    const failed = compute("Failed", { provisioningErrors: [{ error: { code: "QuotaExceeded", message: "over", details: [{ code: "Inner", message: "x" }] } }] });
    expect(await untilReady(rules).check(reader(compute("Failed"), failed))).toMatchObject({ done: true, error: { code: "E_QUOTA", arm: [{ code: "QuotaExceeded", details: [{ code: "Inner" }] }] } });
  });

  it("lets a kind settle after Succeeded (nodes, instance state) and fail early on its own states", async () => {
    const settling = untilReady({ ...rules, settle: () => ({ done: false, progress: { message: "0/1 nodes ready" } }) });
    expect(await settling.check(reader(compute("Succeeded")))).toEqual({ done: false, progress: { message: "0/1 nodes ready" } });
    const early = untilReady({ ...rules, failedEarly: () => true, errors: () => [{ code: "SetupFailed", message: "script" }] });
    expect(await early.check(reader(compute("Creating")))).toMatchObject({ done: true, error: { message: "cluster c failed to provision: SetupFailed: script" } });
    expect(await untilReady(rules).check(reader(compute("Succeeded")))).toEqual({ done: true, outputs: { name: "c" }, progress: { provisioningState: "Succeeded" } });
  });
});

describe("removeThenPut and untilGone", () => {
  it("sends the PUT once, after the old compute is gone, then hands over", async () => {
    const puts: string[] = [];
    const op = removeThenPut("c", "replacing c", async () => void puts.push("put"), untilReady(rules));
    expect(await op.check(reader(compute("Deleting")))).toMatchObject({ done: false, progress: { message: "removing the old compute" } });
    expect(await op.check(reader(undefined))).toMatchObject({ done: false, progress: { provisioningState: "Creating" } });
    expect(await op.check(reader(compute("Canceled")))).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED" } });
    expect(puts).toEqual(["put"]);
  });

  it("is done when the compute is gone", async () => {
    expect(await untilGone("c", "deleting c").check(reader(compute("Deleting")))).toEqual({ done: false, progress: { provisioningState: "Deleting" } });
    expect(await untilGone("c", "deleting c").check(reader(undefined))).toEqual({ done: true, outputs: { name: "c" } });
  });
});
