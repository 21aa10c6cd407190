import { ssh2 } from "./ssh2.js";
import { SshPreflightCodes, SshPreflightError } from "./errors.js";

/** The OpenSSH public key line ("ssh-ed25519 AAAA...") of a private key. */
export function publicKeyOf(privateKey: string | Buffer, passphrase?: string): string {
  const parsed = ssh2().utils.parseKey(privateKey, passphrase);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) {
    const detail = key instanceof Error ? key.message : "no key found";
    const hint = passphrase === undefined ? "an encrypted key needs private_key_passphrase" : "check private_key_passphrase";
    throw new SshPreflightError(SshPreflightCodes.KEY, `cannot read the private key: ${detail}`, hint);
  }
  return `${key.type} ${key.getPublicSSH().toString("base64")}`;
}
