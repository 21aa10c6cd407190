import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import type { ResolvedWorkflow } from "@computeflow/core";
import { runConfigFilePath, writeGeneratedFile } from "@computeflow/runconfig";
import { ExitCode } from "../exit-codes.js";
import type { ExportOutput } from "../export-formats/az-ml/az-ml.js";
import { EXPORT_FORMATS } from "../export-formats/index.js";
import { globalOptions } from "../global-options.js";
import type { CliIO } from "../io.js";
import { loadOrReport } from "../load-or-report.js";
import { handle, isEngineError } from "../handle-error.js";
import { UsageError } from "../usage-error.js";
import type { CommandModule } from "./command.js";
import { addTargetFlags, EMULATOR_SUBSCRIPTION, resolveTarget, withFallbacks, type EngineFlags } from "./run.js";

const examples = `
Examples:
  $ computeflow export examples/v2-jobs.yaml --format az-ml -o compute/
  $ az ml compute create -f compute/cpu-cluster.yml -g ml-rg -w ml-ws
  $ computeflow export examples/amlcompute.yaml --format arm --emulator -o template.json
  $ az deployment group create -g ml-rg --template-file template.json`;

interface ExportFlags extends EngineFlags {
  format: string;
  output?: string;
}

export const exportCommand: CommandModule = {
  register(program, io, result) {
    addTargetFlags(
      program
        .command("export")
        .description(`write the workflow as another tool's files (${Object.values(EXPORT_FORMATS).map((f) => f.description).join("; ")})`)
        .argument("<file>", "workflow file")
        .addOption(new Option("--format <format>", "output format").choices(Object.keys(EXPORT_FORMATS)).makeOptionMandatory())
        .option("-o, --output <path>", "az-ml: a directory, one file per compute; arm: the template file. Default: standard output"),
    )
      .addHelpText("after", examples)
      .action(async (file: string, flags: ExportFlags, command: Command) => {
        result.exitCode = await runExport(file, flags, command, io);
      });
  },
};

async function runExport(file: string, flags: ExportFlags, command: Command, io: CliIO): Promise<number> {
  const format = EXPORT_FORMATS[flags.format]!;
  const globals = globalOptions(command);
  const target = format.needsAzure ? await resolveTarget(flags, io) : { options: {} };
  try {
    const env = target.emulator ? withFallbacks(io.env, { AZURE_SUBSCRIPTION_ID: EMULATOR_SUBSCRIPTION, ...target.emulator.demoSecrets }) : io.env;
    const loaded = await loadOrReport(file, { secretsFile: globals.secretsFile, inputs: globals.inputs, requireSecrets: format.needsAzure, color: globals.color }, { ...io, env });
    if (loaded.exitCode !== undefined) return loaded.exitCode;
    const out = await format.render(loaded.workflow, target, env);
    if (flags.output === undefined) io.stdout.write(out.text);
    else if (format.output === "dir") await writeDir(io, flags.output, out, loaded.workflow);
    else writeFile(io, flags.output, out);
    for (const note of out.notes) io.stderr.write(`note: ${note}\n`);
    return ExitCode.OK;
  } catch (error) {
    if (!isEngineError(error)) throw error;
    // FILE:LINE:COL of the step a refusal names, as validate prints problems.
    return handle(error, io, { color: globals.color, located: true, validationExit: format.needsAzure ? ExitCode.INVALID : ExitCode.FAILED });
  } finally {
    await target.emulator?.close();
  }
}

/** One file per compute; refused (E_FILE_EXISTS) before anything is written if a file there is not ours. */
async function writeDir(io: CliIO, output: string, out: ExportOutput, workflow: ResolvedWorkflow): Promise<void> {
  const dir = resolve(io.cwd, output);
  for (const f of out.files) {
    const target = runConfigFilePath(dir, f.name, f.name);
    if (existsSync(target.absolutePath) && !readFileSync(target.absolutePath, "utf8").startsWith("# Written by computeflow")) {
      throw new UsageError(`${target.absolutePath} exists and was not written by computeflow`, "choose another -o directory, or remove the file", "E_FILE_EXISTS");
    }
  }
  for (const f of out.files) await writeGeneratedFile(runConfigFilePath(dir, f.name, f.name), f.text, workflow.secrets);
  io.stdout.write(out.files.map((f) => `wrote ${resolve(dir, f.name)}\n`).join(""));
}

/** One output file; an existing file is replaced only if computeflow wrote it (an earlier template). */
function writeFile(io: CliIO, output: string, out: ExportOutput): void {
  const path = resolve(io.cwd, output);
  if (existsSync(path) && !writtenByComputeflow(readFileSync(path, "utf8"))) {
    throw new UsageError(`${path} exists and was not written by computeflow`, "choose another -o file, or remove it", "E_FILE_EXISTS");
  }
  writeFileSync(path, out.text);
  io.stdout.write(`wrote ${path}\n`);
}

function writtenByComputeflow(text: string): boolean {
  try {
    return (JSON.parse(text) as { metadata?: { generator?: string } }).metadata?.generator === "computeflow";
  } catch {
    return false;
  }
}
