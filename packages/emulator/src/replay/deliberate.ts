/**
 * Differences the emulator keeps on purpose, each with its reason. A difference matching
 * one is reported in the fidelity table, not failed. Keep this list short.
 */
export const DELIBERATE: readonly { match: RegExp; label: string; reason: string }[] = [
  {
    match: /^Retry-After present \(Azure: absent\)$/,
    label: "Retry-After sent",
    reason: "Retry-After is sent so time-scaled runs tell pollers how long to wait; Azure leaves it out and clients fall back to their default interval",
  },
];

export function splitDeliberate(differences: readonly string[]): { real: string[]; deliberate: string[] } {
  const real: string[] = [];
  const deliberate = new Set<string>();
  for (const d of differences) {
    const why = DELIBERATE.find((x) => x.match.test(d));
    if (why) deliberate.add(why.label);
    else real.push(d);
  }
  return { real, deliberate: [...deliberate] };
}
