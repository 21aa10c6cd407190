import { createRequire } from "node:module";
import type { TokenCredential } from "@azure/core-auth";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { ArmSend, ArmSendReply, AzureAccess } from "../plugin.js";
import type { CloudEndpoints } from "./clouds.js";
import { computeflowPolicy } from "./pipeline-policy.js";
import { legacyPolicyFactory } from "./legacy-policy.js";
import type { RequestGateDeps } from "./request-gate.js";
import { createRawSender, loadPipelineModule } from "./send-request.js";
import { createSharedReads, type SharedReadsFeed } from "./shared-reads.js";
import { fetchEmulatorSshEndpoints, lookupSshEndpoint } from "./ssh-endpoints.js";

export interface AzureAccessOptions {
  subscriptionId: string;
  credential: TokenCredential;
  cloud: CloudEndpoints;
  /** Overrides the cloud's ARM endpoint (the emulator). */
  endpoint?: string;
  /** PEM of the CA to trust (the emulator's). */
  caCert?: string;
  /** True when `endpoint` is an emulator (enables its admin routes). */
  emulator?: boolean;
  gate: RequestGateDeps;
}

// node:http and node:https load when a run first creates Azure access, not at import:
// validate and graph never open a connection, and these two take ~10 ms to load.
const requireHere = createRequire(import.meta.url);
const httpModules = (): { http: typeof import("node:http"); https: typeof import("node:https") } => ({ http: requireHere("node:http"), https: requireHere("node:https") });

/** Connections to ARM per subscription and run. */
const SOCKETS = 32;

/** One subscription's Azure access for a run, with the cache feed its gate and poller use. */
export type RunAzureAccess = AzureAccess & { readonly feed: SharedReadsFeed };

/** The run's Azure clients: every request they send passes core's one gate. */
export function createAzureAccess(options: AzureAccessOptions): RunAzureAccess {
  const endpoint = (options.endpoint ?? options.cloud.resourceManager).replace(/\/+$/, "");
  const ca = options.caCert;
  const { http, https } = httpModules();
  // One pool of kept-alive connections per subscription and run: 200 steps writing at once
  // open at most SOCKETS connections (and TLS handshakes), not 200.
  const policy = computeflowPolicy(options.gate, new https.Agent({ keepAlive: true, maxSockets: SOCKETS, ...(options.caCert ? { ca: options.caCert } : {}) }));
  let client: Promise<AzureMachineLearningWorkspaces> | undefined;
  let sshMap: Promise<Record<string, string>> | undefined;

  const clientOptions = (): Record<string, unknown> & { endpoint: string } => ({
    endpoint,
    credentialScopes: [options.cloud.scope],
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [{ policy, position: "perRetry" }],
    ...(ca ? { tlsOptions: { ca } } : {}),
  });

  const ml = (): Promise<AzureMachineLearningWorkspaces> => {
    // The pipeline module first: see loadPipelineModule.
    client ??= loadPipelineModule().then(async () => {
      const { AzureMachineLearningWorkspaces } = await import("@azure/arm-machinelearningservices");
      const created = new AzureMachineLearningWorkspaces(options.credential, options.subscriptionId, clientOptions());
      // Every request computeflow sends is JSON. The pipeline's form-data policy tests each
      // request body against the global FormData, and touching that global makes Node load its
      // fetch implementation (undici): ~30 ms of CPU on the run's first request.
      created.pipeline.removePolicy({ name: "formDataPolicy" });
      return created;
    });
    return client;
  };
  const send: (request: ArmSend, signal?: AbortSignal) => Promise<ArmSendReply> = createRawSender({ endpoint, credential: options.credential, scope: options.cloud.scope, policy, ...(ca ? { ca } : {}) });
  const reads = createSharedReads(ml, send, options.subscriptionId);

  return {
    subscriptionId: options.subscriptionId,
    reads,
    feed: reads,
    credential: options.credential,
    endpoint,
    ml,
    clientOptions,
    legacyClientOptions() {
      const factory = legacyPolicyFactory(options.gate);
      return {
        baseUri: endpoint,
        noRetryPolicy: true,
        ...(ca ? { agentSettings: { http: new http.Agent(), https: new https.Agent({ ca }) } } : {}),
        requestPolicyFactories: (defaults: unknown[]) => [...defaults, factory],
      };
    },
    send,
    async sshEndpoint(host, port) {
      if (!options.emulator || !ca) return { host, port };
      sshMap ??= fetchEmulatorSshEndpoints(endpoint, ca);
      return lookupSshEndpoint(await sshMap, host, port);
    },
  };
}
