// What a competent user's script needs around the SDK: a client, "create unless it
// exists" (the document's samples check first), and a run configuration file per run.
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * @typedef {{id: string, kind: string, needs: string[], compute?: string, body?: any, privateKeyFile?: string, runconfig?: any}} SpecStep
 * @typedef {{workspace: {subscriptionId: string, resourceGroup: string, name: string}, outDir: string, steps: SpecStep[]}} Spec
 */

/** argv: SPEC_JSON ENDPOINT CA_CERT_PATH TIME_SCALE */
export function loadArgs(argv = process.argv.slice(2)) {
  const [specFile, endpoint, caCertPath, timeScale] = argv;
  return {
    /** @type {Spec} */ spec: JSON.parse(readFileSync(specFile, "utf8")),
    endpoint,
    ca: readFileSync(caCertPath, "utf8"),
    timeScale: Number(timeScale ?? 1),
  };
}

const DEFAULT_POLL_MS = 2000;
const DEFAULT_RETRY_MS = 1000;
const DEFAULT_MAX_RETRY_MS = 64_000;

/** The SDK with its defaults; only the clock is scaled like the emulator's, so the race is fair. */
export function connect({ spec, endpoint, ca, timeScale }) {
  const credential = { getToken: async () => ({ token: "bench", expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const client = new AzureMachineLearningWorkspaces(credential, spec.workspace.subscriptionId, {
    endpoint,
    tlsOptions: { ca },
    retryOptions: { retryDelayInMs: DEFAULT_RETRY_MS * timeScale, maxRetryDelayInMs: DEFAULT_MAX_RETRY_MS * timeScale },
  });
  return { client, pollOptions: { updateIntervalInMs: DEFAULT_POLL_MS * timeScale } };
}

export async function workspaceLocation(client, spec) {
  const ws = await client.workspaces.get(spec.workspace.resourceGroup, spec.workspace.name);
  return ws.location;
}

/** Creates (or attaches) the compute unless it already exists, and waits until it is ready. */
export async function ensureCompute({ client, pollOptions }, spec, location, step) {
  const { resourceGroup, name } = spec.workspace;
  try {
    await client.computeOperations.get(resourceGroup, name, step.id);
    return;
  } catch (error) {
    if (error?.statusCode !== 404) throw error;
  }
  const body = { location, ...step.body };
  if (step.privateKeyFile) body.properties.properties.administratorAccount.privateKeyData = readFileSync(step.privateKeyFile, "utf8");
  await client.computeOperations.beginCreateOrUpdateAndWait(resourceGroup, name, step.id, body, pollOptions);
}

export function writeRunConfig(spec, step) {
  const file = join(spec.outDir, ".azureml", `${step.id}.runconfig`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ target: step.compute, ...step.runconfig }, null, 2));
}

export function runStep(connection, spec, location, step) {
  if (step.kind === "configure-run") {
    writeRunConfig(spec, step);
    return Promise.resolve();
  }
  return ensureCompute(connection, spec, location, step);
}

/** Prints the one JSON line the bench reads, and sets the exit code. */
export async function main(body) {
  const started = Date.now();
  try {
    await body();
    console.log(JSON.stringify({ status: "succeeded", durationMs: Date.now() - started }));
  } catch (error) {
    console.log(JSON.stringify({ status: "failed", durationMs: Date.now() - started, error: String(error?.message ?? error).slice(0, 300) }));
    process.exitCode = 1;
  }
}
