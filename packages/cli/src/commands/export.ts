import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Option } from "commander";
import { isComputeflowError } from "@computeflow/core";
import { runConfigFilePath, writeGeneratedFile } from "@computeflow/runconfig";
import { ExitCode } from "../exit-codes.js";
import { renderAzMl, type ExportOutput } from "../export-formats/az-ml/az-ml.js";
import { globalOptions } from "../global-options.js";
import { loadOrReport } from "../load-or-report.js";
import type { CommandModule } from "./command.js";

const examples = `
Examples:
  $ computeflow export examples/v2-jobs.yaml --format az-ml -o compute/
  $ az ml compute create -f compute/cpu-cluster.yml -g ml-rg -w ml-ws`;

/** Every `export --format` value: name -> what it renders. */
const FORMATS: Record<string, (workflow: Parameters<typeof renderAzMl>[0]) => ExportOutput> = {
  "az-ml": renderAzMl,
};

export const exportCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("export")
      .description("write the workflow as another tool's files (az-ml: each compute as `az ml compute create -f` YAML)")
      .argument("<file>", "workflow file")
      .addOption(new Option("--format <format>", "output format").choices(Object.keys(FORMATS)).makeOptionMandatory())
      .option("-o, --output <dir>", "write one file per compute into this directory instead of standard output")
      .addHelpText("after", examples)
      .action(async (file: string, flags: { format: string; output?: string }, command) => {
        const globals = globalOptions(command);
        const loaded = await loadOrReport(file, { secretsFile: globals.secretsFile, inputs: globals.inputs, requireSecrets: false, color: globals.color }, io);
        if (loaded.exitCode !== undefined) {
          result.exitCode = loaded.exitCode;
          return;
        }
        try {
          const out = FORMATS[flags.format]!(loaded.workflow);
          if (flags.output === undefined) io.stdout.write(out.text);
          else {
            const dir = resolve(io.cwd, flags.output);
            for (const f of out.files) {
              const target = runConfigFilePath(dir, f.name, f.name);
              if (existsSync(target.absolutePath) && !readFileSync(target.absolutePath, "utf8").startsWith("# Written by computeflow")) {
                io.stderr.write(`error[E_FILE_EXISTS]: ${target.absolutePath} exists and was not written by computeflow\n  hint: choose another -o directory, or remove the file\n`);
                result.exitCode = ExitCode.INVALID;
                return;
              }
            }
            for (const f of out.files) await writeGeneratedFile(runConfigFilePath(dir, f.name, f.name), f.text, loaded.workflow.secrets);
            io.stdout.write(out.files.map((f) => `wrote ${resolve(dir, f.name)}\n`).join(""));
          }
          for (const note of out.notes) io.stderr.write(`note: ${note}\n`);
          result.exitCode = ExitCode.OK;
        } catch (error) {
          if (!isComputeflowError(error) && (error as { code?: string }).code !== "E_SECRET_IN_FILE") throw error;
          const e = error as { code: string; message: string };
          io.stderr.write(`error[${e.code}]: ${e.message}\n`);
          result.exitCode = ExitCode.FAILED;
        }
      });
  },
};
