// Child process that hosts the emulator, so its CPU and memory never count against a
// tool. The parent drives it over IPC: requests, reset, setFaults, close.
import { startEmulator } from "@computeflow/emulator";

const options = JSON.parse(process.argv[2] ?? "{}");
const emulator = await startEmulator({ port: 0, ...options });
const send = (message) => process.send?.(message);

process.on("message", async (/** @type {{id: number, cmd: string, arg?: unknown}} */ m) => {
  try {
    if (m.cmd === "requests") send({ id: m.id, value: emulator.requests() });
    else if (m.cmd === "reset") send({ id: m.id, value: await emulator.reset() });
    else if (m.cmd === "setFaults") send({ id: m.id, value: await emulator.setFaults(m.arg) });
    else if (m.cmd === "close") {
      await emulator.close();
      send({ id: m.id, value: null });
      process.disconnect?.();
    }
  } catch (error) {
    send({ id: m.id, error: String(error?.stack ?? error) });
  }
});
process.on("disconnect", () => process.exit(0));
send({ ready: true, endpoint: emulator.endpoint, caCertPath: emulator.caCertPath });
