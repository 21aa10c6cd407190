import ssh2 from "ssh2";
import type { ArmErrorBody } from "../arm/arm-error.js";
import type { Json } from "../state/compute-record.js";
import { findDatabricksSpec, findHostSpec } from "../world/find-spec.js";
import type { SshHostSpec, World } from "../world/world-types.js";

/** What AML checks when it attaches: it signs in to the resource with the given credentials. */
export function attachError(world: World, type: string, resourceIdValue: string, inner: Json, secrets: Json): ArmErrorBody | undefined {
  if (type === "VirtualMachine" || type === "HDInsight") {
    const host = findHostSpec(world, resourceIdValue);
    if (!host) return undefined;
    const account = (inner.administratorAccount ?? {}) as Json;
    return sshCredentialError(host.spec, String(account.username ?? ""), secrets, resourceIdValue);
  }
  if (type === "Databricks") {
    const spec = findDatabricksSpec(world, resourceIdValue);
    if (spec?.access_token !== undefined && secrets.databricksAccessToken !== spec.access_token) {
      return { code: "InvalidCredentials", message: "The Databricks access token was rejected by the workspace. Generate a new personal access token and try again." };
    }
  }
  return undefined;
}

function sshCredentialError(spec: SshHostSpec, username: string, secrets: Json, id: string): ArmErrorBody | undefined {
  const refuse = (why: string): ArmErrorBody => ({
    code: "InvalidCredentials",
    message: `Unable to connect to '${id}' over SSH as '${username}': ${why}.`,
  });
  if (username !== spec.username) return refuse("unknown user");
  if (typeof secrets.password === "string") {
    return secrets.password === spec.password ? undefined : refuse("authentication failed");
  }
  if (typeof secrets.privateKeyData === "string") {
    return publicKeyAccepted(spec, secrets.privateKeyData) ? undefined : refuse("public key not authorized");
  }
  return refuse("no password or private key given");
}

function publicKeyAccepted(spec: SshHostSpec, privateKey: string): boolean {
  const parsed = ssh2.utils.parseKey(privateKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) return false;
  const blob = key.getPublicSSH().toString("base64");
  return (spec.public_keys ?? []).some((line) => line.trim().split(/\s+/)[1] === blob);
}
