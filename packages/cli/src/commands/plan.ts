import type { Command } from "commander";
import type { CommandModule } from "./command.js";
import { addEngineFlags, executeMode, type EngineFlags } from "./run.js";

export const planCommand: CommandModule = {
  register(program, io, result) {
    addEngineFlags(program.command("plan").argument("<file>", "workflow file").description("read the current state and show what `run` would do, step by step (changes nothing)"))
      .action(async (file: string, flags: EngineFlags, command: Command) => {
        result.exitCode = await executeMode("plan", file, flags, command, io);
      });
  },
};
