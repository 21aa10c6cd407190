import { adlaPlugin } from "./plugin.js";

export { adlaPlugin } from "./plugin.js";
export { attachRequest } from "./body.js";
export type { AttachInput } from "./schema.js";

export default adlaPlugin;
