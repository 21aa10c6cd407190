import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { ComputeflowError, ErrorCodes } from "../errors.js";

export const SIGN_IN_HINT =
  "computeflow signs in with DefaultAzureCredential: set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (a service principal), use a workload or managed identity, or run `az login`";

/**
 * Signs in once, before any step runs, so a missing or wrong credential is one E_AUTH rather
 * than a failure in every step. Returns a credential that hands out that token while it is
 * fresh, so the first requests do not sign in a second time.
 */
export async function signInOnce(credential: TokenCredential, scope: string): Promise<TokenCredential> {
  let first: AccessToken | null;
  try {
    first = await credential.getToken(scope);
  } catch (e) {
    throw signInError(e);
  }
  if (!first) throw signInError(new Error("the credential returned no token"));
  let cached: AccessToken | undefined = first;
  return {
    async getToken(scopes, options) {
      const wanted = Array.isArray(scopes) ? scopes : [scopes];
      if (cached && wanted.length === 1 && wanted[0] === scope && cached.expiresOnTimestamp - Date.now() > 5 * 60_000) return cached;
      cached = undefined;
      return credential.getToken(scopes, options);
    },
  };
}

function signInError(e: unknown): ComputeflowError {
  const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return new ComputeflowError({ code: ErrorCodes.AUTH, errorClass: "auth", retryable: false, message: `sign-in failed: ${reason}`, hint: SIGN_IN_HINT, cause: e });
}

/**
 * Resolves the endpoint's host and opens (then closes) a TCP connection to it, so a wrong
 * endpoint, a DNS failure or a refused connection fails the run at once with E_ENDPOINT
 * instead of being retried in every step. Skipped behind an HTTP proxy (the proxy connects).
 */
export async function checkEndpoint(endpoint: string, env: Record<string, string | undefined>, timeoutMs = 10_000): Promise<void> {
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || env.ALL_PROXY || env.all_proxy) return;
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || (url.protocol === "http:" ? 80 : 443));
  // Loaded here, not at import: validate and graph never open a connection.
  const [{ lookup }, { connect }] = await Promise.all([import("node:dns/promises"), import("node:net")]);
  let address: string;
  try {
    address = (await lookup(host)).address;
  } catch (e) {
    throw endpointError(`cannot resolve ${host} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, e);
  }
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: address, port });
    const fail = (why: string, cause?: unknown): void => {
      socket.destroy();
      reject(endpointError(`cannot connect to ${host}:${port}: ${why}`, cause));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs / 1000} s`));
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
    socket.once("error", (e: NodeJS.ErrnoException) => fail(e.code === "ECONNREFUSED" ? "connection refused" : (e.code ?? e.message), e));
  });
}

function endpointError(message: string, cause: unknown): ComputeflowError {
  return new ComputeflowError({
    code: ErrorCodes.ENDPOINT,
    errorClass: "endpoint",
    retryable: false,
    message: `the Azure endpoint cannot be reached: ${message}`,
    hint: "check the endpoint (--emulator-endpoint, --cloud), that it is running, and your network or proxy (HTTPS_PROXY)",
    cause,
  });
}
