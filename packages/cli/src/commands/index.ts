import type { CommandModule } from "./command.js";
import { destroyCommand } from "./destroy.js";
import { emulatorCommand } from "./emulator.js";
import { exportCommand } from "./export.js";
import { planCommand } from "./plan.js";
import { runCommand } from "./run.js";
import { graphCommand } from "./graph.js";
import { pluginsCommand } from "./plugins.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

/** Every command the CLI has, in `--help` order. Add new commands here. */
export const commands: CommandModule[] = [
  validateCommand,
  graphCommand,
  schemaCommand,
  pluginsCommand,
  planCommand,
  runCommand,
  destroyCommand,
  exportCommand,
  emulatorCommand,
];
