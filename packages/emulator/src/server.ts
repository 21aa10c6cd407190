import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sendJson } from "./http/arm-headers.js";
import { FaultInjector } from "./faults/fault-injector.js";
import { ArmLimits } from "./limits/arm-limits.js";
import { handleRequest, type Runtime } from "./http/pipeline.js";
import { armRouter } from "./routes.js";
import { addAdminRoutes } from "./handlers/admin.js";
import type { DeploymentHost } from "./deployments/run-deployment.js";
import { EmulatorState } from "./state/emulator-state.js";
import { makeCertificate } from "./tls/make-certificate.js";
import { resolveWorld } from "./world/load-world.js";
import { startSshHosts } from "./ssh/ssh-hosts.js";
import { warmUpSpecOracle } from "./spec/spec-oracle.js";
import type { EmulatorOptions, RunningEmulator } from "./types.js";

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const world = resolveWorld(options.world);
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const faults = new FaultInjector(options.faults);
  const { cert, key } = await makeCertificate();
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), "computeflow-emulator-")));
  mkdirSync(dataDir, { recursive: true });
  const caCertPath = join(dataDir, "ca.pem");
  writeFileSync(caCertPath, cert);
  const limitOptions = options.armLimits === true ? {} : options.armLimits || undefined;
  const ssh = options.ssh === false ? undefined : await startSshHosts(world);
  const host: DeploymentHost = {
    state: () => rt.state,
    endpoint: () => rt.endpoint,
    operationFault: (path) => {
      const fault = rt.faults.pick("PUT", path, true, "computes.createOrUpdate");
      return fault === "fail" || fault === "hang" ? fault : undefined;
    },
    log: (entry) => rt.log.push(entry),
  };
  const rt: Runtime = {
    router: armRouter(host),
    state: new EmulatorState(world, timeScale, options.clock),
    endpoint: "",
    faults,
    limits: limitOptions ? new ArmLimits(limitOptions, Date.now) : undefined,
    log: [],
    specOracle: options.specOracle ?? process.env.COMPUTEFLOW_SPEC_ORACLE === "1",
    specViolations: [],
  };
  if (rt.specOracle) warmUpSpecOracle();
  const reset = () => {
    rt.state = new EmulatorState(world, timeScale, options.clock);
    rt.log.length = 0;
    rt.limits?.clear();
    rt.faults.rearm();
  };
  const sshEndpoints = ssh?.endpoints ?? {};
  addAdminRoutes(rt.router, { runtime: rt, reset, sshEndpoints });
  const server = createServer({ cert, key }, (req, res) => {
    handleRequest(rt, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: "InternalServerError", message: String(e) } }, {});
    });
  });
  try {
    await new Promise<void>((ok, ko) => {
      server.once("error", ko);
      server.listen(options.port ?? 0, "127.0.0.1", () => ok());
    });
  } catch (e) {
    await ssh?.close();
    throw e;
  }
  rt.endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: rt.endpoint,
    caCertPath,
    caCert: cert,
    demoSecrets: { ...world.demo_secrets },
    sshEndpoints,
    requests: () => rt.log.map((e) => ({ ...e })),
    specViolations: () => [...rt.specViolations],
    setFaults: (spec) => rt.faults.set(spec),
    reset,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await ssh?.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
