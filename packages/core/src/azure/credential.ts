import type { AccessToken, TokenCredential } from "@azure/core-auth";
import type { CloudEndpoints } from "./clouds.js";

export interface CredentialOptions {
  cloud: CloudEndpoints;
  env: Record<string, string | undefined>;
  /** Set when talking to an emulator: its endpoint also serves the Entra ID token routes. */
  emulator?: { endpoint: string; caCert: string };
}

/** A fixed bearer token: what the emulator accepts when no service principal is configured. */
export function staticTokenCredential(token = "computeflow-emulator-token"): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

export function hasServicePrincipal(env: Record<string, string | undefined>): boolean {
  return Boolean(env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH));
}

/**
 * DefaultAzureCredential (service principal env, workload identity, managed identity,
 * Azure CLI ...). `@azure/identity` is imported only here, lazily, so commands that never
 * talk to Azure never load it. Token refresh is the SDK bearer policy's job.
 */
export async function createCredential(options: CredentialOptions): Promise<TokenCredential> {
  if (options.emulator && !hasServicePrincipal(options.env)) return staticTokenCredential();
  const { DefaultAzureCredential } = await import("@azure/identity");
  if (options.emulator) {
    return new DefaultAzureCredential({
      authorityHost: options.emulator.endpoint,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: options.emulator.caCert },
    } as ConstructorParameters<typeof DefaultAzureCredential>[0]);
  }
  return new DefaultAzureCredential({ authorityHost: options.cloud.authorityHost });
}
