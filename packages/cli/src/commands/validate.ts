import { resolve } from "node:path";
import type { Problem } from "@computeflow/core";
import type { CommandModule } from "./command.js";
import { ExitCode } from "../exit-codes.js";
import { globalOptions } from "../global-options.js";
import { checkWorkflow } from "../load-or-report.js";
import { countProblems, displayPath, hasErrors, plural, renderProblems } from "../render-problems.js";
import { styleFor } from "../style.js";

const examples = `
Examples:
  $ computeflow validate examples/first-workflow.yaml
  $ computeflow validate workflows/*.yaml --json
  $ computeflow validate wf.yaml --input max_nodes=8 --secrets-file .env
  $ computeflow validate --no-plugins wf.yaml                     # an untrusted pull request: no plugin code runs`;

export const validateCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("validate")
      .description("check workflow files and report every problem at once; sends nothing to Azure")
      .argument("<files...>", "workflow files")
      .option("--json", "print the result as JSON on stdout")
      .option("--no-plugins", "run no plugin code at all (not even the built-in plugins): check structure, expressions and the step graph only; for untrusted files")
      .addHelpText("after", examples)
      .action(async (files: string[], options: { json?: boolean; plugins: boolean }, command) => {
        const globals = globalOptions(command);
        const reports: { file: string; valid: boolean; steps?: number; problems: Problem[] }[] = [];
        for (const file of files) {
          const checked = await checkWorkflow(file, { secretsFile: globals.secretsFile, inputs: globals.inputs, plugins: options.plugins }, io);
          const shown = displayPath(resolve(io.cwd, file), io.cwd);
          const report = { file: shown, valid: !hasErrors(checked.problems), problems: checked.problems };
          reports.push(checked.workflow ? { ...report, steps: checked.steps.length } : report);
        }
        const problems = reports.flatMap((r) => r.problems);
        const valid = !hasErrors(problems);
        result.exitCode = valid ? ExitCode.OK : ExitCode.INVALID;
        // Every file is read and checked: nothing is left running once the report is written.
        result.settled = true;
        if (options.json) {
          io.stdout.write(`${JSON.stringify({ valid, files: reports }, null, 2)}\n`);
          return;
        }
        renderProblems(problems, io, { color: globals.color });
        const style = styleFor(io, globals.color);
        for (const report of reports) {
          if (report.valid) io.stdout.write(`${report.file}: ${style.green("valid")} (${plural(report.steps ?? 0, "step")})\n`);
        }
        const fileCount = plural(files.length, "file");
        const summary = problems.length === 0 ? `${fileCount} valid` : `${countProblems(problems)} in ${fileCount}`;
        (valid ? io.stdout : io.stderr).write(`${valid ? summary : style.red(summary)}\n`);
      });
  },
};
