import { githubReporter } from "./github-reporter.js";
import { jsonReporter } from "./json-reporter.js";
import { plainReporter } from "./plain-reporter.js";
import { combine, type Reporter, type ReporterContext } from "./reporter.js";
import { ttyReporter } from "./tty-reporter.js";

/** `--json` wins; otherwise the live view on a terminal and plain lines elsewhere, plus GitHub's extras in Actions. */
export function createReporter(ctx: ReporterContext, json: boolean): Reporter {
  const main = json ? jsonReporter(ctx) : ctx.io.isTTY ? ttyReporter(ctx) : plainReporter(ctx);
  return ctx.io.env.GITHUB_ACTIONS === "true" && !json ? combine([main, githubReporter(ctx)]) : main;
}
