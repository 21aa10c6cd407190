import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isComputeflowError } from "../errors.js";
import { createRunServices } from "../runtime/run-services.js";
import { staticTokenCredential } from "./credential.js";
import { listLocation } from "./location-reads.js";

const SUB = "00000000-0000-0000-0000-000000000000";
let emu: RunningEmulator;
// Two items per page, so every list that has more than two follows nextLink.
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.05, ssh: false, world: { ...defaultWorld(), page_size: 2 } });
});
afterAll(() => emu.close());

const access = () => createRunServices({ subscriptionId: SUB, endpoint: emu.endpoint, caCert: emu.caCert, credential: staticTokenCredential() }).azure;

describe("a region's lists read as ARM's JSON", () => {
  it("equal what the SDK's operations return for VM sizes, usages and quotas", async () => {
    const azure = access();
    const send = (request: Parameters<typeof azure.send>[0]) => azure.send(request);
    const ml = await azure.ml();
    const fromSdk = async <T>(items: AsyncIterable<T>) => {
      const out: T[] = [];
      for await (const item of items) out.push(item);
      return out;
    };
    const sizes = await listLocation(send, SUB, "westeurope", "vmSizes");
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes).toEqual((await ml.virtualMachineSizes.list("westeurope")).value);
    const usages = await listLocation(send, SUB, "westeurope", "usages");
    expect(usages.length).toBeGreaterThan(0);
    expect(usages).toEqual(await fromSdk(ml.usages.list("westeurope")));
    expect(await listLocation(send, SUB, "westeurope", "quotas")).toEqual(await fromSdk(ml.quotas.list("westeurope")));
  });

  it("an error reply is a classified error", async () => {
    const azure = access();
    const error = await listLocation((r) => azure.send(r), "not-a-subscription", "westeurope", "usages").catch((e: unknown) => e);
    expect(isComputeflowError(error)).toBe(true);
  });
});
