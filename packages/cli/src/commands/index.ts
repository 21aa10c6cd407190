import type { CommandModule } from "./command.js";
import { emulatorCommand } from "./emulator.js";

/** Every command the CLI has, in `--help` order. Add new commands here. */
export const commands: CommandModule[] = [
  emulatorCommand,
];
