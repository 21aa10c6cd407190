import type { CommandModule } from "./command.js";
import { destroyCommand } from "./destroy.js";
import { emulatorCommand } from "./emulator.js";
import { planCommand } from "./plan.js";
import { runCommand } from "./run.js";

/** Every command the CLI has, in `--help` order. Add new commands here. */
export const commands: CommandModule[] = [
  planCommand,
  runCommand,
  destroyCommand,
  emulatorCommand,
];
