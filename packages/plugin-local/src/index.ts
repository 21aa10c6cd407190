import { localPlugin } from "./plugin.js";

export { localPlugin };
export type { LocalRunWith } from "./check.js";
export default localPlugin;
