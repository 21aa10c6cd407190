/** A start/stop schedule, as azure-ai-ml's ComputeStartStopSchedule names it. */
export interface StartStopSchedule {
  action: "start" | "stop";
  state?: "enabled" | "disabled";
  trigger:
    | { type: "cron"; expression: string; start_time?: string; time_zone?: string }
    | {
        type: "recurrence";
        frequency: "minute" | "hour" | "day" | "week" | "month";
        interval?: number;
        schedule?: { hours?: number[]; minutes?: number[]; week_days?: string[] };
        start_time?: string;
        time_zone?: string;
      };
}

export interface ScriptInput {
  path: string;
  command?: string;
  timeout_minutes?: number;
}

/** The newer compute instance settings of `action: provision`. */
export interface FeatureInput {
  idle_time_before_shutdown_minutes?: number;
  schedules?: { compute_start_stop: StartStopSchedule[] };
  setup_scripts?: { creation_script?: ScriptInput; startup_script?: ScriptInput };
  enable_node_public_ip?: boolean;
}

/** True when the step manages a field that the 2021-07-01 API cannot read back. */
export function usesNewerApi(input: FeatureInput): boolean {
  return input.idle_time_before_shutdown_minutes !== undefined || input.schedules !== undefined || input.setup_scripts !== undefined || input.enable_node_public_ip !== undefined;
}
