// Preloaded into every measured child (`node --import`): on exit it writes the process's
// own resource usage, so peak RSS and CPU are the tool's and nobody else's.
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
