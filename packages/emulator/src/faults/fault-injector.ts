import { OPERATION_FAULTS, parseFaultSpec, type FaultKind, type FaultSpec } from "./fault-spec.js";

/** mulberry32: small, seedable, good enough to pick faults reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request and reproducibly for a seed, which requests get a fault. */
export class FaultInjector {
  private spec: FaultSpec | undefined;
  private random: () => number = Math.random;
  private seen = 0;
  private injected = 0;

  constructor(spec?: string) {
    this.set(spec);
  }

  set(spec: string | undefined): void {
    this.spec = spec && spec.trim() ? parseFaultSpec(spec) : undefined;
    this.rearm();
  }

  /** Same spec, sequence from the start: after a reset the same requests get the same faults. */
  rearm(): void {
    this.random = prng(this.spec?.seed ?? 1);
    this.seen = 0;
    this.injected = 0;
  }

  current(): FaultSpec | undefined {
    return this.spec;
  }

  /** canFailOperation: the request starts an operation that may fail or hang. */
  pick(method: string, pathWithQuery: string, canFailOperation: boolean, operation?: string): FaultKind | undefined {
    const s = this.spec;
    if (!s || s.rate <= 0) return undefined;
    if (s.match !== undefined && !pathWithQuery.includes(s.match)) return undefined;
    if (s.methods && !s.methods.includes(method)) return undefined;
    if (s.operations && (operation === undefined || !s.operations.includes(operation))) return undefined;
    const kinds = s.kinds.filter((k) => canFailOperation || !(OPERATION_FAULTS as readonly string[]).includes(k));
    if (kinds.length === 0) return undefined;
    this.seen++;
    if (this.seen <= s.after) return undefined;
    if (s.count !== undefined && this.injected >= s.count) return undefined;
    if (this.random() >= s.rate) return undefined;
    this.injected++;
    return kinds[Math.floor(this.random() * kinds.length)]!;
  }
}
