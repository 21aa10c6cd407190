// Rewrites the parameter table in README.md from the built schema: `npm run readme`.
import { readFileSync, writeFileSync } from "node:fs";
import { renderParameterTable, replaceTable } from "@computeflow/compute-kit";
import { provisionParameterDocs, provisionSchema } from "../dist/index.js";

const file = new URL("../README.md", import.meta.url);
writeFileSync(file, replaceTable(readFileSync(file, "utf8"), renderParameterTable(provisionSchema, provisionParameterDocs)));
