export const SUB = "/subscriptions/{subscriptionId}";
export const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
export const WS = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}`;
export const LOC = `${SUB}/providers/Microsoft.MachineLearningServices/locations/{location}`;
export const COMPUTE = `${WS}/computes/{computeName}`;
