import { hdinsightPlugin } from "./plugin.js";

export { hdinsightPlugin } from "./plugin.js";
export { attachRequest } from "./body.js";
export type { AttachInput } from "./schema.js";

export default hdinsightPlugin;
