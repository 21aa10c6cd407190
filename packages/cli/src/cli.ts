/** Entry point: parses arguments, dispatches commands, returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  process.stderr.write(`computeflow: not implemented yet (${argv.join(" ")})\n`);
  return 2;
}
