import type { Operation } from "./operations.js";

export type Json = Record<string, unknown>;

export interface NodeRecord {
  nodeId: string;
  privateIpAddress: string;
  publicIpAddress: string;
  port: number;
  nodeState: "idle" | "running" | "preparing" | "unusable" | "leaving" | "preempted";
}

/** One compute of a workspace: its ARM body plus what the emulator tracks beside it. */
export interface ComputeRecord {
  name: string;
  /** The ComputeResource as GET returns it. */
  body: Json & { properties: Json & { properties?: Json } };
  /** The latest operation on this compute (create, update, start ...). */
  operation?: Operation;
  nodes: NodeRecord[];
  /** Secrets given at attach time, answered by listKeys. */
  secrets?: Json;
  nodeSeq: number;
  /** Bumped by every resize so an older resize stops moving nodes. */
  resizeGen: number;
  deleted?: boolean;
}

export function computeType(record: ComputeRecord): string {
  return String(record.body.properties.computeType);
}

export function innerProps(record: ComputeRecord): Json {
  record.body.properties.properties ??= {};
  return record.body.properties.properties;
}
