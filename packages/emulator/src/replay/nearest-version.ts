function day(version: string): number {
  return Date.parse(version.slice(0, 10)) + (version.endsWith("-preview") ? -1 : 0);
}

/** The served api-version nearest in date to a recorded one (the replay's choice). */
export function nearestVersion(recorded: string, served: readonly string[]): string {
  let best = served[0]!;
  for (const v of served) if (Math.abs(day(v) - day(recorded)) < Math.abs(day(best) - day(recorded))) best = v;
  return best;
}
