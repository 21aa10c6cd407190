import type { Command } from "commander";
import type { CommandModule } from "./command.js";
import { addEngineFlags, executeMode, FILES_HELP, type EngineFlags } from "./run.js";

const examples = `
Examples:
  $ computeflow destroy wf.yaml                       # delete what run provisioned, detach what it attached
  $ computeflow plan wf.yaml && computeflow destroy wf.yaml --fail-fast
  $ computeflow destroy wf.yaml --emulator-endpoint https://127.0.0.1:8443 --ca-cert ca.pem

Destroy needs no secrets: the ones only create or attach used may be unset.`;

export const destroyCommand: CommandModule = {
  register(program, io, result) {
    addEngineFlags(
      program
        .command("destroy")
        .argument("<files...>", FILES_HELP)
        .description("in reverse dependency order, delete what the workflow provisioned and detach what it attached (attached resources are never deleted)"),
    )
      .option("--fail-fast", "stop starting new steps after the first failure")
      .addHelpText("after", examples)
      .action(async (files: string[], flags: EngineFlags, command: Command) => {
        result.exitCode = await executeMode("destroy", files, flags, command, io);
        result.settled = true;
      });
  },
};
