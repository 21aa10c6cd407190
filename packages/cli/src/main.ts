import { runCommand } from "./cli.js";
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

const outcome = await runCommand(process.argv.slice(2), io);
process.exitCode = outcome.exitCode;
// A settled command (validate) exits once its output is written, instead of waiting for V8's
// background compiles of its hot code to finish and for the heap's teardown: ~20 ms of a
// 1,000-step validate's ~450 ms.
if (outcome.settled) exitWhenWritten(outcome.exitCode);

function exitWhenWritten(code: number): void {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}
