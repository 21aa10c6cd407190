import { checkSshCredentials } from "@computeflow/attach-kit";
import type { CheckProblem } from "@computeflow/core";
import type { RemoteVmAttachWith } from "./schema.js";

export function checkAttach(input: RemoteVmAttachWith): CheckProblem[] {
  const problems = checkSshCredentials(input);
  if (input.resource_id === undefined && input.address !== undefined) {
    problems.push({
      path: "/address",
      severity: "warning",
      message: "without resource_id, computeflow cannot check in Azure that the VM exists and has a public IP address",
      hint: "give resource_id for an Azure VM",
    });
  }
  return problems;
}
