import { appendFileSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { CLOUD_NAMES, combineWorkflows, labelsFor, runEngine, type EngineOptions, type RunMode } from "@computeflow/core";
import { crashAfterOption } from "../crash-after.js";
import { ExitCode } from "../exit-codes.js";
import { globalOptions } from "../global-options.js";
import type { CliIO } from "../io.js";
import { loadOrReport } from "../load-or-report.js";
import { createReporter } from "../reporters/create-reporter.js";
import { UsageError } from "../usage-error.js";
import type { CommandModule } from "./command.js";

export interface EngineFlags {
  concurrency?: number;
  failFast?: boolean;
  resume?: boolean;
  allowReplace?: boolean;
  json?: boolean;
  emulator?: boolean;
  emulatorEndpoint?: string;
  caCert?: string;
  cloud?: string;
  engine?: "local" | "arm";
}

export const EMULATOR_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

/** The files argument of plan, run and destroy. */
export const FILES_HELP = "workflow files; several run as one graph in one process, their steps named <file>/<step>";

/** Flags plan, run and destroy share: target (Azure cloud or emulator), output, concurrency. */
export function addEngineFlags(command: Command): Command {
  return addTargetFlags(
    command
      .option("--json", "print NDJSON events, one per line (the last is run_finished)")
      .option("--concurrency <n>", "most steps planning or acting at once; operations waiting in the shared poller hold no slot (default 8)", positiveInteger),
  );
}

/** `--engine local|arm` for plan and run: ARM deployments run the provision and attach steps. */
export function addEngineChoice(command: Command): Command {
  return command.addOption(new Option("--engine <engine>", "local: this process runs the graph; arm: provision and attach steps run as one ARM deployment (plan: what-if)").choices(["local", "arm"]).default("local"));
}

/** Where Azure is: a cloud, an embedded emulator, or a running one. */
export function addTargetFlags(command: Command): Command {
  return command
    .option("--emulator", "start an embedded emulator with the default world and run against it")
    .option("--emulator-endpoint <url>", "target a running emulator (with --ca-cert)")
    .option("--ca-cert <path>", "CA certificate (PEM) of the emulator to trust")
    .option("--cloud <name>", `Azure cloud: ${CLOUD_NAMES.join(", ")}`, "AzureCloud");
}

const runExamples = `
Examples:
  $ computeflow run wf.yaml                           # against Azure (DefaultAzureCredential)
  $ computeflow run wf.yaml --input max_nodes=8 --secrets-file .env --concurrency 4
  $ computeflow run wf.yaml --resume                  # after an interrupted run: never creates twice
  $ computeflow run wf.yaml --emulator                # a fresh embedded emulator, gone after the run
  $ computeflow emulator &                            # or keep one between runs: it prints endpoint and ca_cert
  $ computeflow run wf.yaml --emulator-endpoint https://127.0.0.1:8443 --ca-cert ca.pem

Exit codes: 0 ok, 1 a step failed, 2 invalid workflow or usage, 130 interrupted.`;

export const runCommand: CommandModule = {
  register(program, io, result) {
    addEngineChoice(addEngineFlags(program.command("run").argument("<files...>", FILES_HELP).description("provision, attach and configure everything the workflow declares")))
      .option("--fail-fast", "stop starting new steps after the first failure")
      .option("--resume", "continue the last interrupted run: reuse what succeeded, never create twice")
      .option("--allow-replace", "allow deleting and re-creating a compute whose immutable properties changed")
      .addHelpText("after", runExamples)
      .action(async (files: string[], flags: EngineFlags, command: Command) => {
        result.exitCode = await executeMode("run", files, flags, command, io);
        result.settled = true;
      });
  },
};

/** Loads the workflows, runs the engine in `mode` with a reporter, maps the outcome to an exit code. A run that cannot start throws (see handle). */
export async function executeMode(mode: RunMode, files: string[], flags: EngineFlags, command: Command, io: CliIO): Promise<number> {
  const global = globalOptions(command);
  const target = await resolveTarget(flags, io);
  try {
    const env = target.emulator ? withFallbacks(io.env, { AZURE_SUBSCRIPTION_ID: EMULATOR_SUBSCRIPTION, ...target.emulator.demoSecrets }) : io.env;
    const options = { secretsFile: global.secretsFile, inputs: global.inputs, requireSecrets: mode !== "destroy", color: global.color };
    const loaded = [];
    for (const file of files) loaded.push(await loadOrReport(file, options, { ...io, env }));
    const failed = loaded.find((l) => l.exitCode !== undefined);
    if (failed) return failed.exitCode!;
    const labels = labelsFor(files.map((f) => resolve(io.cwd, f)), io.cwd);
    const workflow = combineWorkflows(loaded.map((l, i) => ({ label: labels[i]!, workflow: l.workflow! })));
    const file = files[0]!;
    const locations = Object.fromEntries(workflow.steps.flatMap((s) => (s.location ? [[s.id, s.location] as const] : [])));
    const reporter = createReporter({ io, file: resolve(io.cwd, file), locations, color: global.color }, flags.json ?? false);
    const interrupt = onInterrupt(io, mode === "run" ? `computeflow run ${file} --resume` : undefined);
    try {
      const outcome = await runEngine(workflow, {
        mode,
        ...target.options,
        env,
        ...(flags.cloud ? { cloud: flags.cloud } : {}),
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        failFast: flags.failFast ?? false,
        resume: flags.resume ?? false,
        allowReplace: flags.allowReplace ?? false,
        ...(flags.engine === "arm" ? { engine: "arm" as const } : {}),
        signal: interrupt.signal,
        onEvent: (event) => reporter.onEvent(event),
        ...timeScaleOptions(io.env),
        ...timeoutScaleOption(io.env),
        ...requestTrace(io.env),
        ...crashAfterOption(io.env),
      });
      reporter.close();
      if (outcome.status === "interrupted" && flags.engine === "arm" && mode === "run") {
        io.stderr.write(`the ARM deployment keeps running in Azure; follow it with: computeflow run ${files.join(" ")} --engine arm --resume\n`);
      }
      return outcome.status === "succeeded" ? ExitCode.OK : outcome.status === "interrupted" ? ExitCode.INTERRUPTED : ExitCode.FAILED;
    } finally {
      interrupt.dispose();
    }
  } finally {
    await target.emulator?.close();
  }
}

export interface Target {
  options: Pick<EngineOptions, "endpoint" | "caCert">;
  emulator?: { demoSecrets: Record<string, string>; close(): Promise<void> };
}

export async function resolveTarget(flags: EngineFlags, io: CliIO): Promise<Target> {
  if (flags.cloud && !CLOUD_NAMES.some((c) => c.toLowerCase() === flags.cloud!.toLowerCase())) {
    throw new UsageError(`unknown cloud "${flags.cloud}"`, `use one of ${CLOUD_NAMES.join(", ")}`);
  }
  if (flags.emulator && flags.emulatorEndpoint) throw new UsageError("--emulator and --emulator-endpoint exclude each other");
  if (flags.emulatorEndpoint) {
    if (!flags.caCert) throw new UsageError("--emulator-endpoint needs --ca-cert", "pass the ca_cert path the emulator printed when it started");
    if (!/^https:\/\//.test(flags.emulatorEndpoint)) throw new UsageError(`--emulator-endpoint must be an https:// URL, got "${flags.emulatorEndpoint}"`);
    let caCert: string;
    try {
      caCert = readFileSync(resolve(io.cwd, flags.caCert), "utf8");
    } catch {
      throw new UsageError(`cannot read --ca-cert ${flags.caCert}`);
    }
    return { options: { endpoint: flags.emulatorEndpoint, caCert } };
  }
  if (flags.caCert) throw new UsageError("--ca-cert only makes sense with --emulator-endpoint");
  if (!flags.emulator) return { options: {} };
  const { startEmulator } = await import("@computeflow/emulator");
  const emulator = await startEmulator({});
  if (!flags.json) {
    io.stderr.write(
      "emulator: a fresh world for this run, gone when it ends (so a second run starts from scratch)\n" +
        "  hint: to keep one between runs, start `computeflow emulator` and pass the endpoint and ca_cert it prints: --emulator-endpoint URL --ca-cert PATH\n",
    );
  }
  return { options: { endpoint: emulator.endpoint, caCert: emulator.caCert }, emulator };
}

/**
 * SIGINT: stop starting new work and let the engine report what still runs server-side;
 * exit 130 within 5 s whatever happens; a second SIGINT exits at once.
 */
function onInterrupt(io: CliIO, resume: string | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let count = 0;
  const handler = (): void => {
    count++;
    if (count > 1) process.exit(ExitCode.INTERRUPTED);
    io.stderr.write("interrupting: no new steps will start (Ctrl-C again to exit at once)\n");
    if (resume) io.stderr.write(`  hint: continue later with \`${resume}\`: it reuses what succeeded and never creates twice\n`);
    controller.abort();
    setTimeout(() => process.exit(ExitCode.INTERRUPTED), 4500).unref();
  };
  process.on("SIGINT", handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", handler);
      if (count > 0) process.on("SIGINT", () => process.exit(ExitCode.INTERRUPTED));
    },
  };
}

/** COMPUTEFLOW_TIME_SCALE (tests, demos on a fast emulator): shrinks poll intervals and retry delays. */
function timeScaleOptions(env: NodeJS.ProcessEnv): Partial<EngineOptions> {
  const scale = Number(env.COMPUTEFLOW_TIME_SCALE);
  if (!env.COMPUTEFLOW_TIME_SCALE || !Number.isFinite(scale) || scale <= 0) return {};
  return { timeScale: scale, poll: { initialIntervalMs: 2000 * scale, maxIntervalMs: 20_000 * scale } };
}

/** COMPUTEFLOW_TIMEOUT_SCALE=X (tests): multiplies every step's timeout, the action defaults included. */
function timeoutScaleOption(env: NodeJS.ProcessEnv): Partial<EngineOptions> {
  const raw = env.COMPUTEFLOW_TIMEOUT_SCALE;
  if (raw === undefined || raw === "") return {};
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new UsageError(`COMPUTEFLOW_TIMEOUT_SCALE must be a positive number (got "${raw}")`, "unset it: step timeouts are then as documented");
  return { timeoutScale: scale };
}

/** COMPUTEFLOW_TRACE_REQUESTS=FILE: append every request sent and response received as NDJSON (paths only, no bodies). */
function requestTrace(env: NodeJS.ProcessEnv): Partial<EngineOptions> {
  const file = env.COMPUTEFLOW_TRACE_REQUESTS;
  if (!file) return {};
  return { onRequest: (record) => appendFileSync(file, `${JSON.stringify(record)}\n`) };
}

/** `--emulator` only: what the environment leaves unset or empty comes from the emulator's world. */
export function withFallbacks(env: NodeJS.ProcessEnv, fallbacks: Record<string, string>): NodeJS.ProcessEnv {
  const merged = { ...env };
  for (const [key, value] of Object.entries(fallbacks)) if (!merged[key]) merged[key] = value;
  return merged;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency expects a whole number of at least 1, got "${value}"`);
  return n;
}
