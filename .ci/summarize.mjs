// Reads every vitest JSON report written during `npm test` and prints the closing
// line CI reads: "N passed, N failed". A test file that failed without a failing test
// (an import error, a crash in a hook) counts as one failure; a package whose tests
// never reported (its build failed) is named, since it has no numbers to add.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...expected] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const reported = new Set();
for (const name of readdirSync(dir)) {
  if (!name.endsWith(".json")) continue;
  reported.add(name.slice(0, -".json".length));
  const report = JSON.parse(readFileSync(join(dir, name), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === "failed").length;
    if (file.status === "failed" && failedTests === 0) failed += 1;
  }
}
const missing = expected.filter((pkg) => !reported.has(pkg));
if (missing.length) process.stdout.write(`no test report from: ${missing.join(", ")}\n`);
process.stdout.write(`${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
