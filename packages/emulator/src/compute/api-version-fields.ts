import type { Json } from "../state/compute-record.js";

/**
 * What each Machine Learning api-version the emulator serves knows about computes, so a
 * client only sees (and can only set) the fields of the version it speaks, as with ARM.
 * Sources: Azure/azure-rest-api-specs stable/2022-10-01/examples/Compute/createOrUpdate/
 * ComputeInstanceWithSchedules.json (schedules, enableNodePublicIp on instances; absent
 * from 2021-07-01's ComputeInstanceProperties); stable/2023-04-01/examples/Compute/
 * updateIdleShutdownSetting.json (idleTimeBeforeShutdown; absent from 2022-10-01).
 */
const INSTANCE_FIELDS_SINCE: Record<string, string> = {
  schedules: "2022-10-01",
  enableNodePublicIp: "2022-10-01",
  idleTimeBeforeShutdown: "2023-04-01",
};

const known = (since: string | undefined, version: string) => since === undefined || version >= since;

/** The compute as `version` shows it (a copy when something is hidden). */
export function computeAt<T extends Json>(body: T, version: string): T {
  const props = body.properties as Json | undefined;
  if (props?.computeType !== "ComputeInstance") return body;
  const inner = props.properties as Json | undefined;
  if (!inner) return body;
  const hidden = Object.keys(inner).filter((k) => !known(INSTANCE_FIELDS_SINCE[k], version));
  if (hidden.length === 0) return body;
  const visible = Object.fromEntries(Object.entries(inner).filter(([k]) => !hidden.includes(k)));
  return { ...body, properties: { ...props, properties: visible } };
}

/** A create body as `version` reads it: fields that version does not have are dropped. */
export function createBodyAt(input: Json, version: string): Json {
  return computeAt(input, version);
}
