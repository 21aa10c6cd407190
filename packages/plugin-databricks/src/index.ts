import { databricksPlugin } from "./plugin.js";

export { databricksPlugin } from "./plugin.js";
export { attachRequest } from "./body.js";
export type { AttachInput } from "./schema.js";

export default databricksPlugin;
