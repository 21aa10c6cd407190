import type { CommandModule } from "./command.js";
import { UsageError } from "../usage-error.js";

const examples = `
Examples:
  $ computeflow emulator --port 8443
  $ computeflow emulator --world world.yaml --faults "rate=0.3,seed=7,kinds=429+500" --time-scale 0.01`;

export const emulatorCommand: CommandModule = {
  register(program, io, result) {
    program
      .command("emulator")
      .description("start the local Azure Resource Manager emulator (HTTPS on 127.0.0.1) until interrupted")
      .option("--port <n>", "port to listen on (default: any free port)", (v) => parseNumber("--port", v, true))
      .option("--world <file>", "YAML file describing existing resources, quotas and sizes")
      .option("--faults <spec>", "faults to inject (throttling, failures ...)")
      .option("--time-scale <x>", "multiply every simulated duration (0.01 = 100x faster)", (v) => parseNumber("--time-scale", v, false))
      .addHelpText("after", examples)
      .action(async (options: { port?: number; world?: string; faults?: string; timeScale?: number }) => {
        const { runEmulatorFromCli } = await import("@computeflow/emulator");
        result.exitCode = await runEmulatorFromCli(options, io);
      });
  },
};

function parseNumber(flag: string, value: string, integer: boolean): number {
  const n = Number(value);
  const ok = value.trim() !== "" && Number.isFinite(n) && n >= 0 && (!integer || (Number.isInteger(n) && n <= 65535));
  if (!ok) throw new UsageError(`${flag} expects ${integer ? "a port number (0-65535)" : "a positive number"}, got "${value}"`);
  return n;
}
