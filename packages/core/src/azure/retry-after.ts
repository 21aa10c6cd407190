/** Retry-After (delta seconds or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** ARM's hints in order of precision: retry-after-ms, x-ms-retry-after-ms, Retry-After. */
export function retryAfterOf(response: { header(name: string): string | undefined }, now: number): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const ms = Number(response.header(name));
    if (response.header(name) !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return parseRetryAfter(response.header("retry-after"), now);
}
