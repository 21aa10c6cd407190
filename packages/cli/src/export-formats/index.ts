import { armFormat } from "./arm.js";
import { renderAzMl } from "./az-ml/az-ml.js";
import type { ExportFormat } from "./export-format.js";

/** Every `export --format` value; a new format is one file and one line here. */
export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  "az-ml": {
    description: "az-ml: each compute as `az ml compute create -f` YAML",
    needsAzure: false,
    output: "dir",
    render: async (workflow) => renderAzMl(workflow),
  },
  arm: armFormat,
};
