/**
 * `npm run bench [-- --quick] [--only dag,limits,limits-many,...] [--tools computeflow,concurrent,sequential] [--time-scale X]`
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  const options = { quick: false, only: /** @type {string[] | undefined} */ (undefined), tools: /** @type {string[] | undefined} */ (undefined), timeScale: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") options.quick = true;
    else if (a === "--keep") options.keep = true;
    else if (a === "--only") options.only = String(argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--tools") options.tools = String(argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--time-scale") options.timeScale = Number(argv[++i]);
    else if (a === "--help" || a === "-h") options.help = true;
    else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (options.timeScale !== undefined && !(options.timeScale > 0)) throw new Error("--time-scale needs a positive number");
  return options;
}

export const usage = `npm run bench [-- options]
  --quick              smaller, faster run (lower time scale, fewer steps)
  --only a,b           scenarios to run: dag, limits, limits-many, faults, scale, cold-start
  --tools a,b          only these tools in the races: computeflow, concurrent (B), sequential (A)
  --time-scale X       multiply every provisioning duration, poll interval and Retry-After by X
  --keep               keep the generated workflows and files
`;
