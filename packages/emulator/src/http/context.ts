import type { Reply } from "../arm/arm-error.js";
import type { EmulatorState } from "../state/emulator-state.js";

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  state: EmulatorState;
  /** "https://127.0.0.1:PORT", for URLs the emulator hands out. */
  endpoint: string;
  headers: Record<string, string | string[] | undefined>;
  /** An operation fault the fault injector picked for this request. */
  operationFault?: "fail" | "hang";
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;
