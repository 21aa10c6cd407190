import { updateIdleShutdown, updateSchedules } from "../handlers/instance-settings.js";
import type { Route } from "../http/router.js";
import { COMPUTE } from "./templates.js";

/** Compute instance settings that change in place, each at the api-version whose spec has it. */
export const INSTANCE_SETTINGS_ROUTES: readonly Route[] = [
  { method: "POST", template: `${COMPUTE}/updateSchedules`, operation: "computes.updateSchedules", kind: "arm", apiVersions: ["2022-10-01"], handler: updateSchedules },
  { method: "POST", template: `${COMPUTE}/updateIdleShutdownSetting`, operation: "computes.updateIdleShutdownSetting", kind: "arm", apiVersions: ["2023-04-01"], handler: updateIdleShutdown },
];
