// Reads the vitest JSON reports written during `npm test` and prints "N passed, N failed".
//   summarize.mjs --label NAME DIR PACKAGE...  one suite's line; a package that never reported
//                                              (its build failed) is named and counts as a failure
//   summarize.mjs --total DIR...               the closing line CI reads, over every suite
// A test file that failed without a failing test (an import error, a crash in a hook) counts
// as one failure.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [mode, ...rest] = process.argv.slice(2);
if (mode === "--label") {
  const [label, dir, ...expected] = rest;
  const counts = countReports(dir);
  const missing = expected.filter((pkg) => !counts.reported.has(pkg));
  if (missing.length) process.stdout.write(`no test report from: ${missing.join(", ")}\n`);
  counts.failed += missing.length;
  writeFileSync(join(dir, "totals.txt"), `${counts.passed} ${counts.failed} ${counts.skipped}\n`);
  process.stdout.write(`${label}: ${line(counts)}${counts.skipped ? `, ${counts.skipped} skipped` : ""}\n`);
} else if (mode === "--total") {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const dir of rest) {
    const file = join(dir, "totals.txt");
    if (!existsSync(file)) { total.failed += 1; continue; }
    const [p, f, s] = readFileSync(file, "utf8").trim().split(" ").map(Number);
    total.passed += p; total.failed += f; total.skipped += s;
  }
  if (total.skipped) process.stdout.write(`${total.skipped} skipped\n`);
  process.stdout.write(`${line(total)}\n`);
} else {
  process.stderr.write("usage: summarize.mjs --label NAME DIR PACKAGE... | --total DIR...\n");
  process.exit(2);
}

function line({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

function countReports(dir) {
  const counts = { passed: 0, failed: 0, skipped: 0, reported: new Set() };
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".json")) continue;
    counts.reported.add(name.slice(0, -".json".length));
    const report = JSON.parse(readFileSync(join(dir, name), "utf8"));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((a) => a.status === "failed").length;
      if (file.status === "failed" && failedTests === 0) counts.failed += 1;
    }
  }
  return counts;
}
