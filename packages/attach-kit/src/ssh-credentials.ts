import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { ComputeflowError, type CheckProblem, type StepContext } from "@computeflow/core";
import { isEncryptedPrivateKey, publicKeyOf } from "@computeflow/ssh-preflight";

/** The SSH part of `attach_configuration` for RemoteCompute and HDInsightCompute. */
export interface SshAttachWith {
  ssh_port: number;
  username: string;
  password?: string;
  private_key_file?: string;
  private_key_passphrase?: string;
}

export interface SshCredentials {
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
}

export const SSH_CREDENTIAL_PROPERTIES = {
  ssh_port: { type: "integer", minimum: 1, maximum: 65535, default: 22, description: "Port open for SSH." },
  username: { type: "string", minLength: 1, description: "SSH user name." },
  password: { type: "string", minLength: 1, description: "SSH password (secret: `${{ secrets.X }}` only)." },
  private_key_file: { type: "string", minLength: 1, description: "Private key file, relative to the workflow (~ expands)." },
  private_key_passphrase: { type: "string", minLength: 1, description: "Refused: Azure ML cannot use an encrypted key (its API has no passphrase field)." },
} as const;

export const SSH_SECRET_FIELDS = ["password", "private_key_passphrase"] as const;

export function checkSshCredentials(input: Omit<SshAttachWith, "ssh_port">): CheckProblem[] {
  const problems: CheckProblem[] = [];
  if (input.password === undefined && input.private_key_file === undefined) {
    problems.push({ path: "", message: "give `password` or `private_key_file` for the SSH login", hint: "password: ${{ secrets.MY_PASSWORD }}" });
  }
  if (input.password !== undefined && input.private_key_file !== undefined) {
    problems.push({ path: "/private_key_file", message: "give either `password` or `private_key_file`, not both" });
  }
  if (input.private_key_passphrase !== undefined) problems.push(PASSPHRASE_REFUSED);
  return problems;
}

const UNENCRYPTED_HINT =
  "make an unencrypted key for this attachment (ssh-keygen -t ed25519 -N '' -f aml_key), add aml_key.pub to the machine's authorized_keys, and give private_key_file: aml_key";

/**
 * Azure ML receives `privateKeyData` and has no passphrase field (the spec's
 * VirtualMachineSshCredentials): an encrypted key, sent with or without its passphrase,
 * is a key Azure cannot use. computeflow refuses it before anything is sent.
 */
const PASSPHRASE_REFUSED: CheckProblem = {
  code: "E_ENCRYPTED_KEY",
  path: "/private_key_passphrase",
  message: "Azure Machine Learning cannot use a passphrase-protected key: the attach API has no passphrase field",
  hint: UNENCRYPTED_HINT,
};

/** Reads the key file and marks every credential secret before anything can log it (plan: the SSH pre-flight). */
export async function readSshCredentials(ctx: StepContext<unknown>, input: Omit<SshAttachWith, "ssh_port">): Promise<SshCredentials> {
  markPasswordsSecret(ctx, input);
  let privateKey: string | undefined;
  if (input.private_key_file !== undefined) {
    const file = input.private_key_file.replace(/^~(?=$|\/)/, homedir());
    try {
      privateKey = await readFile(resolve(ctx.workflowDir, file), "utf8");
    } catch (error) {
      throw new ComputeflowError({ code: "E_PATH_NOT_FOUND", errorClass: "validation", message: `cannot read private_key_file ${input.private_key_file}`, cause: error });
    }
    usableKey(ctx, input.private_key_file, privateKey);
  }
  return { username: input.username, password: input.password, privateKey, passphrase: input.private_key_passphrase };
}

export function markPasswordsSecret(ctx: StepContext<unknown>, input: Pick<SshAttachWith, "password" | "private_key_passphrase">): void {
  if (input.password !== undefined) ctx.secret(input.password);
  if (input.private_key_passphrase !== undefined) ctx.secret(input.private_key_passphrase);
}

/** Marks the key text secret, and refuses a passphrase-protected key (Azure ML cannot use it). */
export function usableKey(ctx: StepContext<unknown>, file: string, privateKey: string): void {
  ctx.secret(privateKey.trim());
  if (isEncryptedPrivateKey(privateKey)) {
    throw new ComputeflowError({
      code: "E_ENCRYPTED_KEY", errorClass: "validation",
      message: `private_key_file ${file} is passphrase-protected; Azure Machine Learning cannot use it (the attach API has no passphrase field)`,
      hint: UNENCRYPTED_HINT,
    });
  }
}

/**
 * `administratorAccount` of an attach body, side-effect free: the credentials in `with`,
 * with the key text core read (BodyContext.files) and the public key derived from it.
 */
export function sshAccount(input: Omit<SshAttachWith, "ssh_port">, files: Readonly<Record<string, string>>): Record<string, string> {
  const privateKey = input.private_key_file === undefined ? undefined : files.private_key_file;
  const publicKey = privateKey === undefined ? undefined : publicKeyOf(privateKey, input.private_key_passphrase);
  return administratorAccount({ username: input.username, password: input.password, privateKey }, publicKey);
}

/** `administratorAccount` of the swagger's VirtualMachineSshCredentials. */
export function administratorAccount(credentials: SshCredentials, publicKeyData?: string): Record<string, string> {
  return {
    username: credentials.username,
    ...(credentials.password !== undefined ? { password: credentials.password } : {}),
    ...(publicKeyData !== undefined ? { publicKeyData } : {}),
    ...(credentials.privateKey !== undefined ? { privateKeyData: credentials.privateKey } : {}),
  };
}
