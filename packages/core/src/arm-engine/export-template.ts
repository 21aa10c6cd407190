import type { TokenCredential } from "@azure/core-auth";
import { resolveCloud } from "../azure/clouds.js";
import { createCredential } from "../azure/credential.js";
import { buildGraph } from "../graph/step-graph.js";
import type { EngineWorkflow } from "../runtime/engine-types.js";
import { Redactor } from "../runtime/redactor.js";
import type { RunContext } from "../runtime/run-context.js";
import { createRunServices } from "../runtime/run-services.js";
import { compileTemplate } from "./compile-template.js";
import type { ArmTemplate } from "./template-types.js";

/** Where `export --format arm` reads Azure (it plans like `run`: workspace location, sizes, quota). */
export interface ExportOptions {
  endpoint?: string;
  caCert?: string;
  cloud?: string;
  env?: Record<string, string | undefined>;
  credential?: TokenCredential;
  signal?: AbortSignal;
}

/** The template `run --engine arm` would deploy, and the steps it leaves to the local engine. */
export interface ArmExport {
  template: ArmTemplate;
  localSteps: string[];
}

/**
 * Compiles the workflow's provision and attach steps into an ARM deployment template. Bodies
 * come from each action's own `body()` (see bodyStepRequest); secrets become
 * securestring parameters without values. Throws E_ARM_UNSUPPORTED naming a step that cannot be compiled.
 */
export async function exportArmTemplate(workflow: EngineWorkflow, options: ExportOptions = {}): Promise<ArmExport> {
  const emulator = options.endpoint && options.caCert ? { endpoint: options.endpoint, caCert: options.caCert } : undefined;
  const credential = options.credential ?? (await createCredential({ cloud: resolveCloud(options.cloud), env: options.env ?? process.env, ...(emulator ? { emulator } : {}) }));
  const signal = options.signal ?? new AbortController().signal;
  const services = createRunServices({
    subscriptionId: workflow.workspace.subscriptionId,
    credential,
    redactor: new Redactor(workflow.secrets),
    signal,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.caCert ? { caCert: options.caCert } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
  });
  const run: RunContext = {
    workflow,
    services,
    journal: undefined,
    signal,
    allowReplace: false,
    outputs: {},
    statuses: {},
    activeHooks: new Map(),
    polling: new Set(),
    stepRetry: () => ({ shouldRetry: () => false, delayFor: () => 0 }),
    now: () => new Date().toISOString(),
  };
  const order = buildGraph(workflow.steps).order().map((id) => workflow.steps.find((s) => s.id === id)!);
  const compiled = await compileTemplate(run, order);
  return { template: compiled.template, localSteps: compiled.local.map((s) => s.id) };
}
