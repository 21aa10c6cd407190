import { instancePlugin } from "./plugin.js";

export { instancePlugin } from "./plugin.js";
export { provisionSchema, targetSchema } from "./schema.js";
export { provisionParameterDocs } from "./parameter-docs.js";
export { provisionRequest } from "./body.js";
export { uniqueInstanceName } from "./name-rules.js";
export type { ProvisionInput } from "./input.js";
/** @deprecated the name of {@link ProvisionInput} before every plugin named its input `<Action>Input`. */
export type { ProvisionInput as InstanceInput } from "./input.js";

export default instancePlugin;
