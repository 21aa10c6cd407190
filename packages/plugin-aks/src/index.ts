import { aksPlugin } from "./plugin.js";

export { aksPlugin };
export type { AttachInput, ProvisionInput } from "./input.js";
export default aksPlugin;
