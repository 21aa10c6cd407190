import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** LRO headers whose presence a fixture records. */
export const LRO_HEADERS = ["Azure-AsyncOperation", "Location", "Retry-After"] as const;
export type LroHeader = (typeof LRO_HEADERS)[number];

export interface RecordedPoll {
  /** Every operation status the recording saw while polling. */
  states: string[];
  /** The recorded final operation-status body (null when the recording stops before the end). */
  final: Record<string, unknown> | null;
  /** The recorded body of a poll that was still running, when the recording has one. */
  inProgress?: Record<string, unknown>;
}

export interface RecordedStep {
  id: string;
  /** One line: what Azure did. Absent on setup steps. */
  behaviour?: string;
  /** A step that only sets the scene (not compared), e.g. a compute the recording found existing. */
  setup?: boolean;
  supersededBy?: string;
  request: { method: string; path: string; query?: Record<string, string>; body?: unknown };
  response: {
    status: number;
    lro?: Partial<Record<LroHeader, boolean>>;
    /** The recorded body (null: empty). Its key paths and JSON types are compared. */
    body?: unknown;
    /** Keys that must not appear at the top of the body. */
    absent?: string[];
  };
  /** Dotted paths whose recorded values the emulator must give exactly. */
  values?: string[];
  poll?: RecordedPoll;
  waitFor?: string;
}

export interface RecordedFixture {
  /** repo@commit:path of the recording the facts come from, or repo#number of an issue quoting a real answer. */
  source: string;
  recorded: string;
  apiVersion: string;
  compute: string;
  note?: string;
  steps: RecordedStep[];
  /** File name, filled in by the loader. */
  file: string;
}

export const RECORDED_DIR = fileURLToPath(new URL("../../fixtures/recorded/", import.meta.url));

export function loadRecordedFixtures(dir = RECORDED_DIR): RecordedFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(`${dir}${file}`, "utf8")) as Omit<RecordedFixture, "file">), file }));
}
