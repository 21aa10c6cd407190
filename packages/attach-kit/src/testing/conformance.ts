import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plugin } from "@computeflow/core";
import { assertConformance } from "@computeflow/core/testing";
import type { EmulatorLike } from "./run-step.js";

export interface AttachConformanceCases {
  /** Compute name the attach, configure-run and detach cases share. */
  name: string;
  attach: Record<string, unknown>;
  /** `with` of configure-run, without `compute` (the attached name is filled in). */
  configureRun: Record<string, unknown>;
  /** An attach that must fail, and the code it must fail with. */
  failing: { with: Record<string, unknown>; code: string };
  secrets?: string[];
}

/** Core's conformance check for an attach plugin: attach, configure-run, detach (each twice), one coded failure. */
export async function assertAttachConformance(plugin: Plugin, emulator: EmulatorLike & { requests(): readonly { method: string }[] }, c: AttachConformanceCases): Promise<void> {
  const secrets = c.secrets ?? [];
  await assertConformance(plugin, {
    endpoint: emulator.endpoint,
    caCert: emulator.caCert,
    requests: () => emulator.requests(),
    workflowDir: await mkdtemp(join(tmpdir(), `${plugin.name}-conformance-`)),
    cases: {
      attach: { name: c.name, with: c.attach, secrets },
      "configure-run": { name: `${c.name}-run`, with: { compute: c.name, ...c.configureRun } },
      detach: { name: c.name, with: {} },
    },
    errorCases: { attach: { name: `${c.name}-bad`, with: c.failing.with, code: c.failing.code, secrets } },
  });
}
