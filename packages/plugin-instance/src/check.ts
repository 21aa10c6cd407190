import type { CheckProblem } from "@computeflow/core";
import { vnetProblems } from "@computeflow/compute-kit";
import type { ProvisionInput } from "./input.js";
import { INSTANCE_NAME_MIN_LENGTH, UNIQUE_SUFFIX_LENGTH, instanceNameRules } from "./name-rules.js";

/** The checks ComputeInstanceProvisioningConfiguration.validate_configuration does, and the name budget. */
export function checkInstance(input: ProvisionInput, computeName: string): CheckProblem[] {
  const problems = vnetProblems(input);
  if (input.ssh_public_access === true && input.admin_user_ssh_public_key === undefined) {
    problems.push({ path: "/ssh_public_access", message: "ssh_public_access: true needs admin_user_ssh_public_key" });
  }
  const user = [input.assigned_user_object_id, input.assigned_user_tenant_id];
  if (user.filter((v) => v !== undefined).length === 1) {
    const missing = input.assigned_user_object_id === undefined ? "assigned_user_object_id" : "assigned_user_tenant_id";
    problems.push({ path: "", message: `${missing} is missing: assigned_user_object_id and assigned_user_tenant_id come together` });
  }
  // With unique_name the minimum applies to the final name (`ci` becomes `ci-1a2b3c4d`).
  if (input.unique_name !== true && computeName.length < INSTANCE_NAME_MIN_LENGTH) {
    problems.push({
      path: "",
      message: `compute name "${computeName}" is ${computeName.length} character${computeName.length === 1 ? "" : "s"} long: instance names must be ${instanceNameRules.description}`,
      hint: "set `name:` to a longer name, or unique_name: true (the suffix makes it long enough)",
      code: "E_COMPUTE_NAME",
    });
  }
  const budget = instanceNameRules.maxLength - UNIQUE_SUFFIX_LENGTH;
  if (input.unique_name === true && computeName.length > budget) {
    problems.push({
      path: "/unique_name",
      message: `with unique_name the step's name may have at most ${budget} characters (${computeName} has ${computeName.length}): a ${UNIQUE_SUFFIX_LENGTH}-character suffix follows`,
      code: "E_COMPUTE_NAME",
    });
  }
  return problems;
}
