import type { TokenCredential } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { ArmSend, ArmSendReply } from "../plugin.js";

/** What a raw request needs to be sent as every SDK call of the run is. */
export interface RawSenderOptions {
  /** The ARM endpoint, no trailing slash. */
  endpoint: string;
  credential: TokenCredential;
  /** The token scope (the cloud's ARM scope). */
  scope: string;
  /** core's gate policy (computeflowPolicy), as the SDK clients get it. */
  policy: PipelinePolicy;
  /** PEM of a CA to trust (the emulator's). */
  ca?: string;
}

export type RawSend = (request: ArmSend, signal?: AbortSignal) => Promise<ArmSendReply>;

let pipelineModule: Promise<typeof import("@azure/core-rest-pipeline")> | undefined;

/**
 * The pipeline module, loaded once on first use: `validate` imports core and must load no
 * Azure SDK module. The ML client loads it through here too, first: importing it from two
 * places at once raced the loading of the same module under vitest's module runner.
 */
export function loadPipelineModule(): Promise<typeof import("@azure/core-rest-pipeline")> {
  return (pipelineModule ??= import("@azure/core-rest-pipeline"));
}

/**
 * Raw ARM requests (`AzureAccess.send`) through a pipeline of their own, built as
 * `@azure/core-client` builds an SDK client's (the same options, bearer token, and core's
 * gate after signing) but without its serialisation policies. An SDK client's
 * deserialisation policy parses every JSON reply into a body nobody here reads, and the
 * caller parses it again: the poller's lists were parsed twice. Nor does a raw request wait
 * for the ML SDK's modules to load.
 */
export function createRawSender(options: RawSenderOptions): RawSend {
  let ready: Promise<{ mod: typeof import("@azure/core-rest-pipeline"); send: (request: import("@azure/core-rest-pipeline").PipelineRequest) => Promise<import("@azure/core-rest-pipeline").PipelineResponse> }> | undefined;
  const setup = () =>
    (ready ??= loadPipelineModule().then((mod) => {
      const pipeline = mod.createPipelineFromOptions({ retryOptions: { maxRetries: 0 }, ...(options.ca ? { tlsOptions: { ca: options.ca } } : {}) });
      pipeline.addPolicy(mod.bearerTokenAuthenticationPolicy({ credential: options.credential, scopes: options.scope }));
      pipeline.addPolicy(options.policy, { afterPhase: "Sign" });
      // JSON only: the form-data policy touches the global FormData, which loads Node's fetch (undici).
      pipeline.removePolicy({ name: "formDataPolicy" });
      const http = mod.createDefaultHttpClient();
      return { mod, send: (request) => pipeline.sendRequest(http, request) };
    }));
  return async (request, signal) => {
    const { mod, send } = await setup();
    const hasBody = request.body !== undefined;
    const response = await send(
      mod.createPipelineRequest({
        url: `${options.endpoint}${request.path}?${new URLSearchParams({ "api-version": request.apiVersion, ...request.query })}`,
        method: request.method,
        ...(signal ? { abortSignal: signal } : {}),
        headers: mod.createHttpHeaders({ accept: "application/json", ...(hasBody ? { "content-type": "application/json" } : {}) }),
        ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      }),
    );
    return { status: response.status, bodyAsText: response.bodyAsText ?? undefined, header: (name) => response.headers.get(name) };
  };
}
