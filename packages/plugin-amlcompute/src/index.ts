import { amlcomputePlugin } from "./plugin.js";

export { amlcomputePlugin } from "./plugin.js";
export { provisionSchema } from "./schema.js";
export { provisionParameterDocs } from "./parameter-docs.js";
export { provisionRequest } from "./body.js";
export type { ProvisionInput } from "./input.js";

export default amlcomputePlugin;
