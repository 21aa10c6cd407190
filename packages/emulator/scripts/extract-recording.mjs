#!/usr/bin/env node
// Turns a recording of real Azure traffic into a replay fixture (see src/replay/extract-recording.ts).
// Usage (after `npm run build` in packages/emulator):
//   node scripts/extract-recording.mjs RECORDING.json PLAN.json > fixtures/recorded/NAME.json
import { readFileSync } from "node:fs";
import { extractFixture, readRecording } from "../dist/replay/extract-recording.js";

const [recording, plan] = process.argv.slice(2);
if (!recording || !plan) {
  process.stderr.write("usage: extract-recording.mjs RECORDING.json PLAN.json\n");
  process.exit(2);
}
try {
  const fixture = extractFixture(readRecording(readFileSync(recording, "utf8")), JSON.parse(readFileSync(plan, "utf8")));
  process.stdout.write(`${JSON.stringify(fixture, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${recording}: error[E_RECORDING]: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
