import type { CommandModule } from "./command.js";

/** Every command the CLI has, in `--help` order. Add new commands here. */
export const commands: CommandModule[] = [];
