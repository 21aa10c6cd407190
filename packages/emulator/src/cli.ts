import { startEmulator } from "./server.js";

export interface EmulatorCliOptions {
  port?: number;
  world?: string;
  faults?: string;
  timeScale?: number;
}

/** `computeflow emulator`: one JSON line on stdout when ready, then runs until SIGINT/SIGTERM. */
export async function runEmulatorFromCli(
  opts: EmulatorCliOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  // Listen for signals before announcing readiness: a Ctrl-C right after the ready line must still close cleanly.
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
  });
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  let emulator;
  try {
    emulator = await startEmulator({
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.world !== undefined ? { world: opts.world } : {}),
      ...(opts.faults !== undefined ? { faults: opts.faults } : {}),
      ...(opts.timeScale !== undefined ? { timeScale: opts.timeScale } : {}),
    });
  } catch (e) {
    const message = (e as Error).message;
    io.stderr.write(message.includes("error[") ? `${message}\n` : `error[E_EMULATOR]: ${message}\n`);
    if (message.startsWith("fault spec")) io.stderr.write("hint: --faults takes e.g. \"rate=0.3,seed=7,kinds=429+500+503+reset\" (see the emulator README)\n");
    stop();
    return 2;
  }
  io.stdout.write(`${JSON.stringify({ endpoint: emulator.endpoint, ca_cert: emulator.caCertPath })}\n`);
  await stopped;
  await emulator.close();
  return 0;
}
