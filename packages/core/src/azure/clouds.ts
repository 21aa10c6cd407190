import { ComputeflowError, ErrorCodes } from "../errors.js";

export interface CloudEndpoints {
  name: CloudName;
  /** Azure Resource Manager. */
  resourceManager: string;
  /** Entra ID authority for sign-in. */
  authorityHost: string;
  /** Token scope for ARM. */
  scope: string;
}

/** An Azure cloud computeflow can target (`--cloud`); each has its own ARM and sign-in endpoints. */
export type CloudName = "AzureCloud" | "AzureChinaCloud" | "AzureUSGovernment";

const CLOUDS: Record<CloudName, Omit<CloudEndpoints, "name">> = {
  AzureCloud: {
    resourceManager: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    scope: "https://management.azure.com/.default",
  },
  AzureChinaCloud: {
    resourceManager: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    scope: "https://management.chinacloudapi.cn/.default",
  },
  AzureUSGovernment: {
    resourceManager: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    scope: "https://management.usgovcloudapi.net/.default",
  },
};

/** Every CloudName, for validating and listing a `--cloud` value. */
export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function resolveCloud(name: string = "AzureCloud"): CloudEndpoints {
  const found = CLOUD_NAMES.find((c) => c.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new ComputeflowError({
      code: ErrorCodes.USAGE,
      errorClass: "validation",
      message: `unknown cloud "${name}"`,
      hint: `use one of ${CLOUD_NAMES.join(", ")}`,
    });
  }
  return { name: found, ...CLOUDS[found] };
}
