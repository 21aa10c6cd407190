import { runCli } from "./cli.js";
import { processIO } from "./io.js";
import { reportCrash } from "./report-crash.js";

const io = processIO();
const crash = (error: unknown) => {
  reportCrash(error, io);
  process.exit(1);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

process.exitCode = await runCli(process.argv.slice(2), io);
