import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join } from "node:path";
import { ComputeflowError, ErrorCodes } from "../errors.js";
import { JOURNAL_DIR } from "./journal.js";

/** Who holds a workflow's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  mode: string;
}

/** A held lock: release it when the run ends; `tookOver` says whose stale lock it replaced. */
export interface RunLock {
  path: string;
  tookOver?: LockHolder;
  release(): void;
}

/**
 * One run (or destroy) of a workflow file at a time: `.computeflow/locks/<file>.lock`, created
 * exclusively, holding pid, host and start time. A lock left by a dead process on this host
 * is taken over; any other lock fails at once with E_LOCKED naming its holder.
 */
export function acquireRunLock(workflowDir: string, workflowFile: string, mode: string, now: Date = new Date()): RunLock {
  const dir = join(workflowDir, JOURNAL_DIR, "locks");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${basename(workflowFile)}.lock`);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString(), mode };
  let tookOver: LockHolder | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      // Also on process.exit (a second Ctrl-C, the 5 s interrupt deadline): only SIGKILL leaves a stale lock.
      const onExit = (): void => releaseIfMine(path);
      process.once("exit", onExit);
      const release = (): void => {
        process.off("exit", onExit);
        releaseIfMine(path);
      };
      return { path, ...(tookOver ? { tookOver } : {}), release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readHolder(path);
    if (!holder || holder.host !== me.host || isAlive(holder.pid)) throw lockedError(workflowFile, path, holder);
    tookOver = holder;
    rmSync(path, { force: true });
  }
  throw lockedError(workflowFile, path, readHolder(path));
}

function releaseIfMine(path: string): void {
  if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.startedAt === "string") return { pid: value.pid, host: value.host, startedAt: value.startedAt, mode: String(value.mode ?? "run") };
  } catch {
    // unreadable: treated as held by someone we cannot name
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(workflowFile: string, path: string, holder: LockHolder | undefined): ComputeflowError {
  const who = holder ? `${holder.mode} by pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : "a process whose lock file cannot be read";
  return new ComputeflowError({
    code: ErrorCodes.LOCKED,
    errorClass: "conflict",
    retryable: false,
    message: `${basename(workflowFile)} is already being run: ${who}`,
    hint: holder && holder.host !== hostname() ? `wait for it to finish; if that run is gone, delete ${path}` : `wait for it to finish, or stop it; if no such run exists, delete ${path}`,
  });
}
