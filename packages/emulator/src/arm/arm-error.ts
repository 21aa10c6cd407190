/** A reply the router turns into an HTTP response. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** True when this request created a resource that did not exist before. */
  created?: boolean;
}

export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorBody[];
}

export function armError(status: number, code: string, message: string, target?: string): Reply {
  const error: ArmErrorBody = target === undefined ? { code, message } : { code, message, target };
  return { status, body: { error } };
}

/** Thrown by handlers; the router answers with the ARM error body. */
export class ArmFailure extends Error {
  constructor(readonly reply: Reply) {
    super((reply.body as { error: ArmErrorBody }).error.message);
  }
}

export function fail(status: number, code: string, message: string, target?: string): never {
  throw new ArmFailure(armError(status, code, message, target));
}

export function notFound(type: string, name: string, resourceGroup: string): never {
  fail(
    404,
    "ResourceNotFound",
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
      "For more details please go to https://aka.ms/ARMResourceNotFoundFix",
  );
}
