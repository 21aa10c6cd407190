/** ISO-8601 duration as AmlCompute's scale settings carry it ("PT1800S", "PT5M", "PT1H30M"). */
export function secondsToDuration(seconds: number): string {
  return `PT${seconds}S`;
}

export function durationToSeconds(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(duration);
  if (!match || duration.toUpperCase() === "P" || duration.toUpperCase() === "PT") return undefined;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}
