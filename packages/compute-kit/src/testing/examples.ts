import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadWorkflow, runEngine } from "@computeflow/core";
import type { EngineResult, RunEvent, RunMode } from "@computeflow/core";

/** Copies the repository's examples/<files> to a fresh directory (runs write journals and .azureml/ beside the workflow). */
export function exampleCopy(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "computeflow-example-"));
  for (const file of files) copyFileSync(fileURLToPath(new URL(`../../../../examples/${file}`, import.meta.url)), join(dir, basename(file)));
  return dir;
}

/** What `computeflow run|plan|destroy FILE --emulator` does, through core's public API. */
export async function runExample(emulator: { endpoint: string; caCert: string; demoSecrets: Record<string, string> }, file: string, mode: RunMode, env: Record<string, string> = {}): Promise<EngineResult & { events: RunEvent[] }> {
  const fullEnv = { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000", ...emulator.demoSecrets, ...env };
  const loaded = await loadWorkflow(file, { env: fullEnv });
  if (!loaded.workflow) throw new Error(`example did not load: ${JSON.stringify(loaded.problems)}`);
  const events: RunEvent[] = [];
  const result = await runEngine(loaded.workflow, {
    mode,
    endpoint: emulator.endpoint,
    caCert: emulator.caCert,
    env: fullEnv,
    onEvent: (e) => events.push(e),
    poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
    timeScale: 0.01,
  });
  return { ...result, events };
}
