// Rewrites the parameter table in README.md from the built schema: `npm run readme`.
import { readFileSync, writeFileSync } from "node:fs";
import { provisionParameterDocs, provisionSchema, renderParameterTable, replaceTable } from "../dist/index.js";

const file = new URL("../README.md", import.meta.url);
const table = renderParameterTable(provisionSchema, provisionParameterDocs, ["admin_user_password"]);
writeFileSync(file, replaceTable(readFileSync(file, "utf8"), table));
