import { batchPlugin } from "./plugin.js";

export { batchPlugin } from "./plugin.js";
export { attachRequest } from "./body.js";
export type { AttachInput } from "./schema.js";

export default batchPlugin;
