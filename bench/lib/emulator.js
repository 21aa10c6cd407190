import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const hostScript = fileURLToPath(new URL("./emulator-host.js", import.meta.url));

/**
 * Starts the emulator in its own process.
 * @param {{world: unknown, faults?: string, timeScale: number, armLimits?: boolean}} options
 */
export async function startEmulatorProcess(options) {
  const child = fork(hostScript, [JSON.stringify(options)], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr?.on("data", (b) => (stderr += b));
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`emulator exited (${code}) before it was ready:\n${stderr}`)));
    child.on("message", (/** @type {any} */ m) => {
      if (m.ready) resolve(m);
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.value);
    });
  });
  /** @type {{endpoint: string, caCertPath: string}} */
  const info = /** @type {any} */ (await ready);
  const call = (cmd, arg) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, arg });
    });
  return {
    endpoint: info.endpoint,
    caCertPath: info.caCertPath,
    /** @returns {Promise<import("./requests.js").LoggedRequest[]>} */
    requests: () => /** @type {Promise<any>} */ (call("requests")),
    reset: () => call("reset"),
    setFaults: (faults) => call("setFaults", faults),
    close: async () => {
      child.removeAllListeners("exit");
      const exited = new Promise((r) => child.once("exit", r));
      await call("close").catch(() => {});
      child.kill();
      await exited;
    },
  };
}
