import type { FeatureInput, ScriptInput, StartStopSchedule } from "./features-input.js";

type Json = Record<string, unknown>;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One schedule as ARM's ComputeStartStopSchedule (2022-10-01 example ComputeInstanceWithSchedules.json). */
export function scheduleBody(s: StartStopSchedule): Json {
  const t = s.trigger;
  const when =
    t.type === "cron"
      ? { triggerType: "Cron", cron: { expression: t.expression, startTime: t.start_time, timeZone: t.time_zone ?? "UTC" } }
      : {
          triggerType: "Recurrence",
          recurrence: {
            frequency: capital(t.frequency),
            interval: t.interval ?? 1,
            startTime: t.start_time,
            timeZone: t.time_zone ?? "UTC",
            schedule: t.schedule && {
              hours: t.schedule.hours ?? [],
              minutes: t.schedule.minutes ?? [],
              weekDays: t.schedule.week_days?.map(capital),
            },
          },
        };
  return { status: capital(s.state ?? "enabled"), action: capital(s.action), ...when };
}

/** azure-ai-ml's ScriptReference._to_rest_object: a workspace-storage script. */
function scriptBody(s: ScriptInput | undefined): Json | undefined {
  return s && { scriptSource: "workspaceStorage", scriptData: s.path, scriptArguments: s.command, timeout: s.timeout_minutes === undefined ? undefined : `${s.timeout_minutes}m` };
}

export function idleDuration(minutes: number): string {
  return `PT${minutes}M`;
}

/** The ComputeInstanceProperties fields of the newer settings, for a create. */
export function featureProperties(input: FeatureInput): Json {
  const out: Json = {};
  if (input.schedules) out.schedules = { computeStartStop: input.schedules.compute_start_stop.map(scheduleBody) };
  if (input.setup_scripts) out.setupScripts = { scripts: { creationScript: scriptBody(input.setup_scripts.creation_script), startupScript: scriptBody(input.setup_scripts.startup_script) } };
  if (input.enable_node_public_ip !== undefined) out.enableNodePublicIp = input.enable_node_public_ip;
  if (input.idle_time_before_shutdown_minutes !== undefined) out.idleTimeBeforeShutdown = idleDuration(input.idle_time_before_shutdown_minutes);
  return out;
}
