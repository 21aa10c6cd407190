import { LRO_HEADERS, type RecordedFixture, type RecordedPoll, type RecordedStep } from "./recorded-fixture.js";

/**
 * Turns a public recording of real Azure traffic into a replay fixture (fixtures/recorded/),
 * so every fixture made this way can be made again from its source. Two recording formats:
 * - Az PowerShell `*.Recording.json`: an object whose keys are "<cmdlet>+...+$METHOD+<url>+<n>"
 *   and whose values are `{ Request: { Method, RequestUri, Content }, Response: { StatusCode,
 *   Headers: { name: [value] }, Content } }`, with Content a JSON string or null;
 * - the Azure SDK test proxy (azure-ai-ml, azure-sdk-assets): `{ Entries: [{ RequestUri,
 *   RequestMethod, RequestBody, StatusCode, ResponseHeaders, ResponseBody }] }`.
 * What to keep is said by a plan (fixtures/recordings/*.plan.json): the fixture's own fields,
 * steps copied as they are (setup), and steps taken from the recording ("take": "POST
 * computes/{compute}/stop"), in order, each with its behaviour line and compared values.
 */

export interface RecordedEntry {
  method: string;
  url: URL;
  requestBody: unknown;
  status: number;
  /** Response headers, names in lower case, first value only. */
  headers: Record<string, string>;
  responseBody: unknown;
}

export interface TakeStep extends Omit<RecordedStep, "request" | "response" | "poll"> {
  /** "METHOD path", the path relative to the workspace with the compute's name as {compute}. */
  take: string;
  /** Keep no poll for this step (the kept sample does not reach the end of the operation). */
  skipPoll?: boolean;
}

export interface ExtractionPlan extends Omit<RecordedFixture, "file" | "steps" | "apiVersion"> {
  steps: (RecordedStep | TakeStep)[];
}

type Json = Record<string, unknown>;

const parseContent = (content: unknown): unknown => {
  if (content === null || content === undefined || content === "") return null;
  return typeof content === "string" ? JSON.parse(content) : content;
};

const firstValues = (headers: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(Array.isArray(v) ? v[0] : v)]));

/** The exchanges of a recording, in recorded order. */
export function readRecording(text: string): RecordedEntry[] {
  const doc = JSON.parse(text) as Json;
  if (Array.isArray(doc.Entries)) {
    return (doc.Entries as Json[]).map((e) => ({
      method: String(e.RequestMethod), url: new URL(String(e.RequestUri)), requestBody: parseContent(e.RequestBody),
      status: Number(e.StatusCode), headers: firstValues(e.ResponseHeaders as Json), responseBody: parseContent(e.ResponseBody),
    }));
  }
  return Object.values(doc).map((value) => {
    const { Request: req, Response: res } = value as { Request: Json; Response: Json };
    return {
      method: String(req.Method), url: new URL(String(req.RequestUri)), requestBody: parseContent(req.Content),
      status: Number(res.StatusCode), headers: { ...firstValues(res.Headers as Json), ...firstValues(res.ContentHeaders as Json) }, responseBody: parseContent(res.Content),
    };
  });
}

const WORKSPACE_PATH = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/(.+)$/i;
const TERMINAL = new Set(["Succeeded", "Failed", "Canceled"]);

/** The entry's path below the workspace, the compute's name as {compute} ("computes/{compute}/stop"). */
function pathShape(entry: RecordedEntry, compute: string): string | undefined {
  const below = WORKSPACE_PATH.exec(entry.url.pathname)?.[1];
  return below?.split("/").map((part) => (part === compute ? "{compute}" : part)).join("/");
}

function pollOf(entries: RecordedEntry[], from: number, asyncUrl: string, used: Set<number>): RecordedPoll {
  const target = new URL(asyncUrl).pathname;
  const polls = entries.map((e, i) => ({ e, i })).filter(({ e, i }) => i > from && e.method === "GET" && e.url.pathname === target);
  for (const { i } of polls) used.add(i);
  const bodies = polls.map(({ e }) => e.responseBody as { status?: string });
  const states = bodies.map((b) => String(b?.status)).filter((s, i, all) => all[i - 1] !== s);
  const last = bodies.at(-1);
  const running = bodies.find((b) => !TERMINAL.has(String(b?.status)));
  return { states, final: last && TERMINAL.has(String(last.status)) ? (last as Json) : null, ...(running ? { inProgress: running as Json } : {}) };
}

function takeStep(entries: RecordedEntry[], used: Set<number>, step: TakeStep, compute: string): RecordedStep {
  const [method, path] = step.take.split(" ") as [string, string];
  const index = entries.findIndex((e, i) => !used.has(i) && e.method === method && pathShape(e, compute) === path);
  if (index < 0) throw new Error(`step ${step.id}: no unused ${step.take} in the recording`);
  used.add(index);
  const entry = entries[index]!;
  const query = Object.fromEntries([...entry.url.searchParams].filter(([k]) => k !== "api-version"));
  const lro = Object.fromEntries(LRO_HEADERS.map((h) => [h, entry.headers[h.toLowerCase()] !== undefined]));
  const { take: _, skipPoll, ...rest } = step;
  const out: RecordedStep = {
    ...rest,
    request: { method, path, ...(Object.keys(query).length > 0 ? { query } : {}), ...(entry.requestBody !== null ? { body: entry.requestBody } : {}) },
    response: { status: entry.status, lro, body: entry.responseBody },
  };
  const asyncUrl = entry.headers["azure-asyncoperation"];
  if (asyncUrl && entry.status >= 201 && entry.status <= 202 && !skipPoll) out.poll = pollOf(entries, index, asyncUrl, used);
  return out;
}

/** The fixture a plan keeps of a recording; its api-version is the one the first taken step was sent with. */
export function extractFixture(entries: RecordedEntry[], plan: ExtractionPlan): Omit<RecordedFixture, "file"> {
  const used = new Set<number>();
  const steps = plan.steps.map((s) => ("take" in s ? takeStep(entries, used, s, plan.compute) : s));
  const firstTaken = entries.find((_, i) => used.has(i));
  const apiVersion = firstTaken?.url.searchParams.get("api-version");
  if (!apiVersion) throw new Error("the plan takes no step from the recording");
  const { steps: _, ...head } = plan;
  return { source: head.source, recorded: head.recorded, apiVersion, compute: head.compute, ...(head.note ? { note: head.note } : {}), steps };
}
