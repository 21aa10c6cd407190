import type { RunEvent, SourceLocation } from "@computeflow/core";
import type { CliIO } from "../io.js";

/** Renders engine events. `close()` runs once after the last event (summary, cleanup). */
export interface Reporter {
  onEvent(event: RunEvent): void;
  close(): void;
}

export interface ReporterContext {
  io: CliIO;
  /** The workflow file as the user should read it. */
  file: string;
  /** Where each step is declared (annotations point there). */
  locations: Readonly<Record<string, SourceLocation>>;
  color: boolean;
}

export function combine(reporters: Reporter[]): Reporter {
  return {
    onEvent: (event) => reporters.forEach((r) => r.onEvent(event)),
    close: () => reporters.forEach((r) => r.close()),
  };
}
