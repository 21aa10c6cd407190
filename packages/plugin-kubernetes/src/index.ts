import { kubernetesPlugin } from "./plugin.js";

export { kubernetesPlugin } from "./plugin.js";
export type { AttachInput } from "./input.js";

export default kubernetesPlugin;
