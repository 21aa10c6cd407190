import { runCli } from "./cli.js";
import { ExitCode } from "./exit-codes.js";
import { processIO } from "./io.js";
import { reportCrash } from "./report-crash.js";

const io = processIO();
const crash = (error: unknown) => {
  reportCrash(error, io);
  process.exit(ExitCode.FAILED);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
// A reader that went away (`computeflow plugins | head -1`) is not a crash: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    crash(error);
  });
}

process.exitCode = await runCli(process.argv.slice(2), io);
