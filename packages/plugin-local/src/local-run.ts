import { readFile } from "node:fs/promises";
import { ComputeflowError, type Outputs, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { runConfigFileFor, writeGeneratedFile, type WrittenFile } from "@computeflow/runconfig";
import { LOCAL_TARGET, type LocalRunWith } from "./check.js";
import { dockerVersion } from "./docker-version.js";

export const OUTPUTS = {
  path: "The v2 command job (compute: local) or, with `format: v1`, the .runconfig; relative to the workflow.",
  target: "Always `local`: no compute target is created.",
  docker_version: "`docker --version` when the run uses Docker, else null.",
} as const;

interface Prepared {
  file: WrittenFile;
  content: string;
  docker: string | null;
  unchanged: boolean;
}

const DOCKER_HINT = "install Docker (and start it), or remove `docker` / set `enabled: false` to run in your Python or Conda environment";

async function prepare(ctx: StepContext<LocalRunWith>): Promise<Prepared | PlanEntry> {
  let docker: string | null = null;
  if (ctx.with.docker?.enabled) {
    docker = (await dockerVersion()) ?? null;
    if (docker === null) {
      return { change: "blocked", code: "E_DOCKER_NOT_FOUND", reason: "docker.enabled is true but `docker --version` failed: Docker is not installed on this computer", hint: DOCKER_HINT };
    }
  }
  const { file, content } = runConfigFileFor({ workflowDir: ctx.workflowDir, projectRoot: ctx.projectRoot, step: { id: ctx.step.name }, log: ctx.log }, { ...ctx.with, compute: LOCAL_TARGET });
  const existing = await readFile(file.absolutePath, "utf8").catch(() => undefined);
  return { file, content, docker, unchanged: existing === content };
}

function outputs(p: Prepared): Outputs {
  return { path: p.file.path, target: LOCAL_TARGET, docker_version: p.docker };
}

export async function plan(ctx: StepContext<LocalRunWith>): Promise<PlanEntry> {
  const p = await prepare(ctx);
  if ("change" in p) return p;
  return p.unchanged ? { change: "noop", summary: `${p.file.path} is up to date` } : { change: "write", summary: `write ${p.file.path} (target: local)` };
}

export async function configureRun(ctx: StepContext<LocalRunWith>): Promise<StepResult> {
  const p = await prepare(ctx);
  if ("change" in p) {
    throw new ComputeflowError({ code: p.code ?? "E_BLOCKED", errorClass: "validation", message: p.reason ?? "blocked", ...(p.hint ? { hint: p.hint } : {}) });
  }
  if (p.unchanged) return { changed: false, outputs: outputs(p), files: [p.file.path] };
  await writeGeneratedFile(p.file, p.content);
  ctx.log.info(`wrote ${p.file.path}`);
  return { outputs: outputs(p), files: [p.file.path] };
}
