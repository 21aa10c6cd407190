import type { SpecKind } from "./spec-oracle.js";

/** The spec definition a compute route's request body must follow. */
export function requestKind(operation: string | undefined): SpecKind | undefined {
  if (operation === "computes.createOrUpdate") return "ComputeResource";
  if (operation === "computes.update") return "ClusterUpdateParameters";
  if (operation === "computes.updateSchedules") return "ComputeSchedules";
  if (operation === "computes.updateIdleShutdownSetting") return "IdleShutdownSetting";
  return undefined;
}

/** The spec definition a compute route's response body must follow. */
export function responseKind(operation: string | undefined, status: number): SpecKind | undefined {
  if (!operation?.startsWith("computes.")) return undefined;
  if (status >= 400) return "common.ErrorResponse";
  switch (operation) {
    case "computes.get":
    case "computes.createOrUpdate":
    case "computes.update":
      return "ComputeResource";
    case "computes.list":
      return "PaginatedComputeResourcesList";
    case "computes.listNodes":
      return "AmlComputeNodesInformation";
    case "computes.listKeys":
      return "ComputeSecrets";
    default:
      return undefined;
  }
}
