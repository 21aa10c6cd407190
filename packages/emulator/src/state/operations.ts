import type { ArmErrorBody } from "../arm/arm-error.js";

export type OperationState = "InProgress" | "Succeeded" | "Failed" | "Canceled";

export interface Operation {
  id: string;
  /** e.g. "computes.create" */
  kind: string;
  subscription: string;
  location: string;
  status: OperationState;
  startTime: string;
  endTime?: string;
  error?: ArmErrorBody;
  /** HTTP status the Location (result) URL answers with once Failed. */
  failureStatus?: number;
}

/** Operation status resources behind Azure-AsyncOperation and Location URLs. */
export class OperationStore {
  private readonly ops = new Map<string, Operation>();
  private next = 1;

  constructor(private readonly prefix: string) {}

  start(kind: string, subscription: string, location: string, now: number): Operation {
    const id = `${this.prefix}-${String(this.next++).padStart(6, "0")}`;
    const op: Operation = { id, kind, subscription, location, status: "InProgress", startTime: new Date(now).toISOString() };
    this.ops.set(id, op);
    return op;
  }

  get(id: string): Operation | undefined {
    return this.ops.get(id);
  }

  finish(op: Operation, now: number, error?: ArmErrorBody, failureStatus = 400): void {
    if (op.status !== "InProgress") return;
    op.status = error ? "Failed" : "Succeeded";
    op.endTime = new Date(now).toISOString();
    if (error) {
      op.error = error;
      op.failureStatus = failureStatus;
    }
  }

  cancel(op: Operation, now: number): void {
    if (op.status !== "InProgress") return;
    op.status = "Canceled";
    op.endTime = new Date(now).toISOString();
    op.error = { code: "Canceled", message: "The operation was canceled because a newer operation replaced it." };
  }
}
