/**
 * Figures from the emulator's request log.
 * @typedef {{method: string, path: string, status: number, time?: number | string, fault?: string, created?: boolean | string, body?: unknown, via?: string}} LoggedRequest
 */

const computeRe = /\/computes\/([^/?]+)(?:[/?]|$)/i;
const listRe = /\/computes\/?(?:\?|$)/i;
const operationRe = /operation/i;

const armPathRe = /^\/(?:subscriptions|providers)\//i;

/**
 * Only ARM calls count: token endpoints and the emulator's admin routes are not ARM.
 * A status poll is a GET of an operation status or of the computes list, or a GET of one
 * compute while its create is in flight (from its PUT until the world's duration has
 * passed); reads after that (the SDK's final GET, a run configuration's check) are not.
 * Requests an ARM deployment made inside Azure (logged `via: "deployment:NAME"`) are not the
 * client's: they are counted apart (`insideDeployments`), and their creates still count for
 * duplicate creates.
 * @param {LoggedRequest[]} all
 * @param {(computeName: string) => number} [inFlightMs] how long a create of that compute lasts
 */
export function summarizeRequests(all, inFlightMs = () => Infinity) {
  const arm = all.filter((r) => armPathRe.test(r.path));
  const log = arm.filter((r) => !r.via);
  const inside = arm.filter((r) => r.via);
  /** @type {Map<string, number>} compute -> time its create ends */
  const putSeen = new Map();
  const creates = new Map();
  let polls = 0;
  let writes = 0;
  let throttled = 0;
  let faults = 0;
  for (const r of log) {
    const method = r.method.toUpperCase();
    const name = computeName(r.path);
    // The emulator tags its token buckets' 429s "throttled"; other tags are injected faults.
    if (r.fault === "throttled" || (!r.fault && r.status === 429)) throttled++;
    else if (r.fault) faults++;
    const t = Date.parse(String(r.time));
    if (method === "GET") {
      if (operationRe.test(r.path) || listRe.test(r.path) || (name !== undefined && t < (putSeen.get(name) ?? -Infinity))) polls++;
    } else {
      writes++;
      if (method === "PUT" && name !== undefined && !putSeen.has(name)) putSeen.set(name, t + inFlightMs(name));
    }
    if (r.created) {
      const key = name ?? r.path;
      creates.set(key, (creates.get(key) ?? 0) + 1);
    }
  }
  for (const r of inside) {
    if (!r.created) continue;
    const key = computeName(r.path) ?? r.path;
    creates.set(key, (creates.get(key) ?? 0) + 1);
  }
  let duplicateCreates = 0;
  for (const n of creates.values()) duplicateCreates += Math.max(0, n - 1);
  return { total: log.length, writes, polls, throttled, faults, duplicateCreates, computesCreated: creates.size, insideDeployments: inside.length };
}

/** @param {string} path */
function computeName(path) {
  const m = computeRe.exec(path);
  return m ? decodeURIComponent(m[1]).toLowerCase() : undefined;
}
