import type { ArmLimitOptions } from "./limits/arm-limits.js";
import type { World } from "./world/world-types.js";

export interface EmulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Path to a world YAML file, or a World object; default: defaultWorld(). */
  world?: string | World;
  /** Fault spec, e.g. "rate=0.3,seed=7,kinds=429+500+503+reset". */
  faults?: string;
  /** Multiplies every provisioning duration and Retry-After (0.01 = 100x faster); default 1. */
  timeScale?: number;
  /** ARM per-subscription token buckets (reads 250 / 25 per s, writes 200 / 10 per s). Off by default. */
  armLimits?: boolean | ArmLimitOptions;
  /** Where ca.pem is written (default: a fresh temp dir). */
  dataDir?: string;
  /** Start the loopback SSH servers for VMs and HDInsight head nodes (default true). */
  ssh?: boolean;
  /**
   * Check every compute request and response body against the REST spec (default: on when
   * COMPUTEFLOW_SPEC_ORACLE=1, as in the test suites). A request the spec rejects gets 400
   * SpecViolation; an emulator answer it rejects becomes a 500.
   */
  specOracle?: boolean;
  /** Milliseconds since the epoch, read for every state change (default Date.now); a test may drive it by hand. */
  clock?: () => number;
}

export interface RequestLogEntry {
  method: string;
  /** Path with its query string. */
  path: string;
  status: number;
  /** ISO time the request arrived. */
  time: string;
  /** The injected fault, if any ("429", "500", "503", "reset", "drop", "slow", "fail", "hang", "throttled"). */
  fault?: string;
  /** True only when this request created a resource that did not exist. */
  created?: boolean;
  /** The route's operation name, e.g. "computes.createOrUpdate". */
  operation?: string;
  /** Parsed JSON body of PUT/PATCH/POST, exactly as sent (secrets included: never print it). */
  body?: unknown;
  /** Set on a request ARM sent on the client's behalf: "deployment:NAME" (not a client request). */
  via?: string;
}

export interface RunningEmulator {
  /** "https://127.0.0.1:PORT" */
  endpoint: string;
  /** Absolute path of the CA PEM clients must trust. */
  caCertPath: string;
  caCert: string;
  /** The world's demo_secrets (what its resources accept). */
  demoSecrets: Record<string, string>;
  /** "<address>:<port>" of each emulated VM / head node -> "127.0.0.1:<loopback port>". */
  sshEndpoints: Record<string, string>;
  requests(): RequestLogEntry[];
  /** What the spec oracle found since start (empty when it is off or all bodies conform). */
  specViolations(): string[];
  setFaults(spec: string | undefined): void;
  /** Back to the initial world, request log cleared. */
  reset(): void;
  close(): Promise<void>;
}
