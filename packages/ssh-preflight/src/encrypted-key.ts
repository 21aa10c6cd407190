import { ssh2 } from "./ssh2.js";

/**
 * True when the private key (OpenSSH, PKCS#1 or PKCS#8 PEM) is protected by a passphrase:
 * such a key cannot be used by a service that receives it without one.
 */
export function isEncryptedPrivateKey(privateKey: string | Buffer): boolean {
  const text = privateKey.toString();
  if (/Proc-Type:\s*4,ENCRYPTED|BEGIN ENCRYPTED PRIVATE KEY/.test(text)) return true;
  const parsed = ssh2().utils.parseKey(privateKey);
  return parsed instanceof Error && /encrypted|passphrase/i.test(parsed.message);
}
