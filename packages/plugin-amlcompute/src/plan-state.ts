/** What the provision hook should do, handed over in `PlanEntry.state`. Holds no secrets. */
export type ProvisionStep =
  | { kind: "create"; location: string }
  | { kind: "scale" }
  | { kind: "put"; location: string }
  | { kind: "replace"; location: string }
  | { kind: "wait" };

export function provisionStep(state: unknown): ProvisionStep | undefined {
  return typeof state === "object" && state !== null && "kind" in state ? (state as ProvisionStep) : undefined;
}
