export const RESPONSE_FAULTS = ["429", "500", "503", "reset", "drop", "slow"] as const;
export const OPERATION_FAULTS = ["fail", "hang"] as const;
export type FaultKind = (typeof RESPONSE_FAULTS)[number] | (typeof OPERATION_FAULTS)[number];

export interface FaultSpec {
  /** Share of eligible requests that get a fault, 0..1. */
  rate: number;
  seed: number;
  kinds: FaultKind[];
  /** Seconds in Retry-After of 429/503 (scaled by timeScale). */
  retryAfter: number;
  /** Wall-clock delay of a "slow" response, ms. */
  slowMs: number;
  /** Only requests whose path (with query) contains this string are eligible. */
  match?: string;
  /** Only these methods are eligible. */
  methods?: string[];
  /** Only requests of these operations (as in the request log, e.g. computes.createOrUpdate) are eligible. */
  operations?: string[];
  /** Skip this many eligible requests first. */
  after: number;
  /** At most this many faults in total. */
  count?: number;
}

const ALL: readonly string[] = [...RESPONSE_FAULTS, ...OPERATION_FAULTS];

/** Parses "rate=0.3,seed=7,kinds=429+500+503+reset". Throws on anything it does not understand. */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = { rate: 0, seed: 1, kinds: ["429", "500", "503", "reset"], retryAfter: 1, slowMs: 1000, after: 0 };
  let rateGiven = false;
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq < 0) throw new Error(`fault spec: '${part}' is not key=value`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const num = () => {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n) || n < 0) throw new Error(`fault spec: ${key} must be a non-negative number, got '${value}'`);
      return n;
    };
    switch (key) {
      case "rate": spec.rate = num(); rateGiven = true; if (spec.rate > 1) throw new Error("fault spec: rate must be between 0 and 1"); break;
      case "seed": spec.seed = Math.floor(num()); break;
      case "retry_after": case "retry-after": spec.retryAfter = num(); break;
      case "slow_ms": case "slow-ms": spec.slowMs = num(); break;
      case "after": spec.after = Math.floor(num()); break;
      case "count": spec.count = Math.floor(num()); break;
      case "match": spec.match = value; break;
      case "methods": spec.methods = value.split("+").map((m) => m.toUpperCase()); break;
      case "op": case "ops": spec.operations = value.split("+").map((o) => o.trim()).filter(Boolean); break;
      case "kinds": {
        const kinds = value.split("+").map((k) => k.trim().toLowerCase());
        const bad = kinds.filter((k) => !ALL.includes(k));
        if (bad.length > 0 || kinds.length === 0) throw new Error(`fault spec: unknown kind(s) ${bad.join(", ")}; known: ${ALL.join(", ")}`);
        spec.kinds = kinds as FaultKind[];
        break;
      }
      default: throw new Error(`fault spec: unknown key '${key}' (known: rate, seed, kinds, retry_after, slow_ms, match, methods, op, after, count)`);
    }
  }
  if (!rateGiven && spec.count !== undefined) spec.rate = 1;
  return spec;
}
