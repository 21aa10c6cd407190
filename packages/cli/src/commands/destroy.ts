import type { Command } from "commander";
import type { CommandModule } from "./command.js";
import { addEngineFlags, executeMode, type EngineFlags } from "./run.js";

export const destroyCommand: CommandModule = {
  register(program, io, result) {
    addEngineFlags(
      program
        .command("destroy")
        .argument("<file>", "workflow file")
        .description("in reverse dependency order, delete what the workflow provisioned and detach what it attached (attached resources are never deleted)"),
    )
      .option("--fail-fast", "stop starting new steps after the first failure")
      .action(async (file: string, flags: EngineFlags, command: Command) => {
        result.exitCode = await executeMode("destroy", file, flags, command, io);
      });
  },
};
