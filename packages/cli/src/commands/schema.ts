import { envelopeSchema } from "@computeflow/core";
import type { CommandModule } from "./command.js";
import { ExitCode } from "../exit-codes.js";
import { actionSchema } from "../action-schema.js";
import { UsageError } from "../usage-error.js";

const examples = `
Examples:
  $ computeflow schema > workflow.schema.json      # then: # yaml-language-server: $schema=workflow.schema.json
  $ computeflow schema --plugin amlcompute --action provision`;

export const schemaCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("schema")
      .description("print the JSON Schema of workflow files, or of one plugin action's `with`")
      .option("--plugin <name>", "a plugin (short name, package name or path)")
      .option("--action <action>", "the plugin's action (with --plugin)")
      .addHelpText("after", examples)
      .action(async (options: { plugin?: string; action?: string }) => {
        if (options.action && !options.plugin) throw new UsageError("--action needs --plugin", "computeflow schema --plugin amlcompute --action provision");
        if (options.plugin && !options.action) throw new UsageError("--plugin needs --action", "computeflow plugins lists each plugin's actions");
        const schema = options.plugin && options.action ? await actionSchema(options.plugin, options.action, io) : envelopeSchema();
        if (schema === undefined) {
          result.exitCode = ExitCode.INVALID;
          return;
        }
        io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
        result.exitCode = ExitCode.OK;
      });
  },
};
