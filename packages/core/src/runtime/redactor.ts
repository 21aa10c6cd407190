const MASK = "***";
/** Shorter values would mask ordinary words; secrets this short are refused upstream anyway. */
const MIN_LENGTH = 3;

/** One per run: every event, journal line and error message passes through it. */
export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  add(value: string): void {
    if (typeof value !== "string" || value.length < MIN_LENGTH || this.values.has(value)) return;
    this.values.add(value);
    for (const variant of [JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
      if (variant.length >= MIN_LENGTH) this.values.add(variant);
    }
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map(escape).join("|"), "g");
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /** A deep copy with every string redacted. */
  redactDeep<T>(value: T): T {
    if (!this.pattern) return value;
    return walk(value, (s) => this.redact(s)) as T;
  }
}

function walk(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, fn));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, fn)]));
  }
  return value;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
