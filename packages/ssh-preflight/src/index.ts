export { sshPreflight } from "./preflight.js";
export type { PreflightOptions, PreflightResult } from "./preflight.js";
export type { SshTarget } from "./connect.js";
export type { OsRelease } from "./os-release.js";
export { parseOsRelease } from "./os-release.js";
export { isSshPreflightError, SshPreflightCodes, SshPreflightError } from "./errors.js";
export type { SshPreflightCode } from "./errors.js";
export { publicKeyOf } from "./public-key.js";
export { isEncryptedPrivateKey } from "./encrypted-key.js";
