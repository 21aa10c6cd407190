import { remoteVmPlugin } from "./plugin.js";

export { remoteVmPlugin } from "./plugin.js";
export { attachRequest } from "./body.js";
export type { AttachInput } from "./schema.js";

export default remoteVmPlugin;
