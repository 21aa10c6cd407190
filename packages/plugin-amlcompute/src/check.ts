import type { CheckContext, CheckProblem } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";
import { hasVnet, vnetProblems } from "@computeflow/compute-kit";

const isNumber = (value: unknown): value is number => typeof value === "number";

/** The cross-field checks AmlComputeProvisioningConfiguration.validate_configuration does. */
export function checkProvision(input: ProvisionInput, ctx?: Pick<CheckContext, "isDefault">): CheckProblem[] {
  const problems = vnetProblems(input);
  if (isNumber(input.min_nodes) && isNumber(input.max_nodes) && input.max_nodes < input.min_nodes) {
    // max_nodes left at its default has no line in the file: point at the min_nodes the user wrote.
    problems.push(
      ctx?.isDefault("max_nodes")
        ? { path: "/min_nodes", message: `min_nodes (${input.min_nodes}) is more than max_nodes (${input.max_nodes}, its default)`, hint: "set max_nodes too, or lower min_nodes" }
        : { path: "/max_nodes", message: `max_nodes (${input.max_nodes}) is less than min_nodes (${input.min_nodes})` },
    );
  }
  const credentials = input.admin_user_password !== undefined || input.admin_user_ssh_key !== undefined;
  if (input.admin_username !== undefined && !credentials) {
    problems.push({ path: "/admin_username", message: "admin_username needs admin_user_password or admin_user_ssh_key" });
  }
  if (credentials && input.admin_username === undefined) {
    const key = input.admin_user_password !== undefined ? "admin_user_password" : "admin_user_ssh_key";
    problems.push({ path: `/${key}`, message: `${key} needs admin_username` });
  }
  if (input.identity_id !== undefined && input.identity_type !== "UserAssigned") {
    problems.push({ path: "/identity_id", message: "identity_id is only allowed with identity_type: UserAssigned" });
  }
  if (input.identity_type === "UserAssigned" && input.identity_id === undefined) {
    problems.push({ path: "/identity_type", message: "identity_type UserAssigned needs identity_id (a list of identity resource ids)" });
  }
  if (input.enable_node_public_ip === false && !hasVnet(input)) {
    problems.push({
      path: "/enable_node_public_ip",
      message: "enable_node_public_ip: false needs a virtual network",
      hint: "set vnet_resourcegroup_name, vnet_name and subnet_name, or drop enable_node_public_ip",
    });
  }
  return problems;
}
