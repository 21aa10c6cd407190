/**
 * Lower bounds for scenario 2 (creates under ARM's request limits).
 *
 * ARM's per-subscription token buckets (Azure Resource Manager, "request limits and
 * throttling", MicrosoftDocs/azure-docs articles/azure-resource-manager/management/
 * request-limits-and-throttling.md): reads 250 + 25/s, writes 200 + 10/s. The emulator
 * enforces the same buckets when its limits are on.
 */
export const ARM_BUCKETS = { read: { capacity: 250, refillPerSecond: 25 }, write: { capacity: 200, refillPerSecond: 10 } };
/** The same buckets at computeflow's former fixed 80% margin. */
export const MARGIN_80 = { read: { capacity: 200, refillPerSecond: 20 }, write: { capacity: 160, refillPerSecond: 8 } };

/**
 * N creates of D seconds in one subscription cannot finish before
 *
 *   bound = D + max(0, (W - Cw) / rw, (R - Cr) / rr)
 *
 * W = N writes (one PUT per compute) and R reads (at least: the workspace, the VM sizes,
 * the usages and one computes list before, one computes list after), C the buckets'
 * capacities and r their refill rates: the last PUT waits (W - Cw) / rw for a token, then
 * its compute takes D. Subscriptions have buckets of their own, so S subscriptions with N
 * creates each have the same bound as one.
 * @param {{creates: number, createSeconds: number, reads?: number, buckets?: typeof ARM_BUCKETS}} o
 */
export function createBound({ creates, createSeconds, reads = 5, buckets = ARM_BUCKETS }) {
  const writeWait = (creates - buckets.write.capacity) / buckets.write.refillPerSecond;
  const readWait = (reads - buckets.read.capacity) / buckets.read.refillPerSecond;
  return createSeconds + Math.max(0, writeWait, readWait);
}

/** The formula as printed beside the figures. */
export const BOUND_FORMULA = "bound = D + max(0, (W - Cw)/rw, (R - Cr)/rr); W = creates, R = 5 reads";
