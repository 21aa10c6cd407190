import type { Command } from "commander";
import type { CommandModule } from "./command.js";
import { addEngineChoice, addEngineFlags, executeMode, FILES_HELP, type EngineFlags } from "./run.js";

const examples = `
Examples:
  $ computeflow plan wf.yaml                          # against Azure (DefaultAzureCredential)
  $ computeflow plan wf.yaml --input max_nodes=8 --secrets-file .env
  $ computeflow plan wf.yaml --json | jq -c 'select(.type == "step_planned")'
  $ computeflow plan wf.yaml --emulator-endpoint https://127.0.0.1:8443 --ca-cert ca.pem

Exit codes: 0 nothing blocked, 1 a step is blocked, 2 invalid workflow or usage.`;

export const planCommand: CommandModule = {
  register(program, io, result) {
    addEngineChoice(addEngineFlags(program.command("plan").argument("<files...>", FILES_HELP).description("read the current state and show what `run` would do, step by step (changes nothing)")))
      .addHelpText("after", examples)
      .action(async (files: string[], flags: EngineFlags, command: Command) => {
        result.exitCode = await executeMode("plan", files, flags, command, io);
        result.settled = true;
      });
  },
};
