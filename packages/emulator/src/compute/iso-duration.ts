/** Seconds in an ISO 8601 duration such as "PT120S", "PT5M" or "P1DT2H"; undefined when it is not one. */
export function isoDurationSeconds(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase() === "P" || /T$/i.test(text.trim())) return undefined;
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0));
  return d! * 86400 + h! * 3600 + min! * 60 + s!;
}
