import { listPlugins } from "@computeflow/core";
import type { CommandModule } from "./command.js";
import { ExitCode } from "../exit-codes.js";

const examples = `
Examples:
  $ computeflow plugins
  $ computeflow plugins --json`;

export const pluginsCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("plugins")
      .description("list the target plugins installed here and the actions each supports")
      .option("--json", "print the list as JSON")
      .addHelpText("after", examples)
      .action(async (options: { json?: boolean }) => {
        const plugins = await listPlugins(io.cwd);
        result.exitCode = ExitCode.OK;
        if (options.json) {
          io.stdout.write(`${JSON.stringify(plugins, null, 2)}\n`);
          return;
        }
        if (plugins.length === 0) {
          io.stdout.write("no computeflow plugins found (install one: npm i -D @computeflow/plugin-amlcompute)\n");
          return;
        }
        const width = Math.max(...plugins.map((p) => p.name.length));
        for (const plugin of plugins) {
          const source = `${plugin.packageName}${plugin.version ? `@${plugin.version}` : ""}`;
          const actions = plugin.error ? `cannot load: ${plugin.error}` : plugin.unsupported ? `unsupported: ${plugin.unsupported.reason}` : plugin.actions.join(", ");
          io.stdout.write(`${plugin.name.padEnd(width)}  ${actions}  (${source})\n`);
        }
      });
  },
};
