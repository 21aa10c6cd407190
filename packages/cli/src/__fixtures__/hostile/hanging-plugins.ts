/** Local plugins that never settle: at import (a top-level await) or in a hook. */
const action = `{ schema: { type: "object" }, outputs: {} }`;

export const hangingPlugins: Record<string, string> = {
  "plugins/hang-import.js": `await new Promise(() => {});\nexport default { apiVersion: 1, name: "hang-import", actions: { "configure-run": ${action} } };\n`,
  "plugins/hang-plan.js": `export default { apiVersion: 1, name: "hang-plan", actions: { "configure-run": ${action} }, plan: () => new Promise(() => {}), configureRun: async () => ({ outputs: {} }) };\n`,
  "plugins/hang-action.js": `export default { apiVersion: 1, name: "hang-action", actions: { "configure-run": ${action} }, configureRun: () => new Promise(() => {}) };\n`,
};

/** A one-step workflow using the local plugin `name`. */
export function workflowUsing(name: string): string {
  return ["version: 1", `name: ${name}`, "workspace: { subscription_id: 00000000-0000-0000-0000-000000000000, resource_group: ml-rg, name: ml-ws }", "steps:", "  only:", `    uses: ./plugins/${name}.js`, "    action: configure-run", ""].join("\n");
}
