/** `with` of `action: provision`. Plain JSON Schema: core compiles it with ajv. */
export const provisionSchema = {
  type: "object",
  additionalProperties: false,
  required: ["greeting"],
  properties: {
    greeting: { type: "string", minLength: 1, maxLength: 200, description: "Stored as the compute's description." },
    vm_size: { type: "string", minLength: 1, default: "Standard_D2_v2", description: "VM size of the nodes." },
    max_nodes: { type: "integer", minimum: 1, maximum: 4, default: 1, description: "Most nodes the cluster scales to (it idles at 0)." },
  },
};

/** `action: delete` takes nothing: the step's name is the compute. */
export const deleteSchema = { type: "object", additionalProperties: false, properties: {} };

export const OUTPUTS = {
  name: "Compute name in the workspace.",
  id: "ARM id of the compute.",
  greeting: "The greeting the cluster carries.",
  provisioning_state: "Provisioning state when the step finished.",
};
