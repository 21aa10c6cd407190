import { Option } from "commander";
import type { CommandModule } from "./command.js";
import { ExitCode } from "../exit-codes.js";
import { globalOptions } from "../global-options.js";
import { loadOrReport } from "../load-or-report.js";
import { renderDot } from "../graph-formats/dot.js";
import { renderMermaid } from "../graph-formats/mermaid.js";

const examples = `
Examples:
  $ computeflow graph examples/first-workflow.yaml              # Mermaid, paste into a Markdown file
  $ computeflow graph wf.yaml --format dot | dot -Tsvg > wf.svg`;

export const graphCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("graph")
      .description("print the step graph (dependencies from `needs` and step references)")
      .argument("<file>", "workflow file")
      .addOption(new Option("--format <format>", "output format").choices(["mermaid", "dot"]).default("mermaid"))
      .addHelpText("after", examples)
      .action(async (file: string, options: { format: "mermaid" | "dot" }, command) => {
        const globals = globalOptions(command);
        // No plugin is imported (not even a built-in one): graph is safe on an untrusted file.
        const loaded = await loadOrReport(file, { secretsFile: globals.secretsFile, inputs: globals.inputs, color: globals.color, plugins: false }, io);
        if (loaded.exitCode !== undefined) {
          result.exitCode = loaded.exitCode;
          return;
        }
        const nodes = loaded.steps.map((s) => ({ id: s.id, uses: s.uses ?? "?", action: s.action ?? "?" }));
        const text = options.format === "dot" ? renderDot(loaded.workflow.name, nodes, loaded.graph) : renderMermaid(nodes, loaded.graph);
        io.stdout.write(text);
        result.exitCode = ExitCode.OK;
      });
  },
};
