#!/usr/bin/env node
// The GitHub Action's logic (action.yml runs it after installing computeflow): reads the
// action's inputs from INPUT_* variables, runs the computeflow CLI, and reports through
// GitHub's environment files: `exit-code` and `result` in $GITHUB_OUTPUT, a section in the
// job summary ($GITHUB_STEP_SUMMARY). With GITHUB_ACTIONS=true the CLI itself prints
// ::error/::warning annotations and, for plan/run/destroy, the table of steps.
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const COMMANDS = ["validate", "plan", "run", "destroy"];

/** The CLI arguments for the action's inputs, or a message saying which input is wrong. */
export function cliArguments(env) {
  const input = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();
  const workflow = input("workflow");
  const command = input("command") || "validate";
  if (!workflow) return { error: "input `workflow` is required: the workflow file, relative to the repository root" };
  if (!COMMANDS.includes(command)) return { error: `input \`command\` must be one of ${COMMANDS.join(", ")}, got "${command}"` };
  const args = [command, workflow];
  for (const line of input("inputs").split("\n").map((l) => l.trim()).filter(Boolean)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*=/.test(line)) return { error: `input \`inputs\`: each line is KEY=VALUE, got "${line}"` };
    args.push("--input", line);
  }
  const concurrency = input("concurrency");
  if (concurrency) {
    if (command === "validate") return { error: "input `concurrency` applies to plan, run and destroy, not validate" };
    if (!/^[1-9][0-9]*$/.test(concurrency)) return { error: `input \`concurrency\` must be a whole number of at least 1, got "${concurrency}"` };
    args.push("--concurrency", concurrency);
  }
  const emulator = input("emulator") || "false";
  if (!["true", "false"].includes(emulator)) return { error: `input \`emulator\` must be true or false, got "${emulator}"` };
  if (emulator === "true") {
    if (command === "validate") return { error: "input `emulator` applies to plan, run and destroy; validate sends nothing to Azure anyway" };
    args.push("--emulator");
  }
  const plugins = input("plugins") || "true";
  if (!["true", "false"].includes(plugins)) return { error: `input \`plugins\` must be true or false, got "${plugins}"` };
  if (plugins === "false") {
    if (command !== "validate") return { error: "input `plugins: false` is for validate only: plan, run and destroy need the plugins" };
    args.push("--no-plugins");
  }
  return { args };
}

const RESULTS = { 0: "succeeded", 1: "failed", 2: "invalid", 130: "interrupted" };

function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

async function main() {
  const env = process.env;
  const { args, error } = cliArguments(env);
  if (error) {
    process.stdout.write(`::error title=computeflow action::${escapeData(error)}\n`);
    return 2;
  }
  const actionPath = env.GITHUB_ACTION_PATH || join(dirname(fileURLToPath(import.meta.url)), "..");
  const bin = env.COMPUTEFLOW_BIN || join(actionPath, "packages/cli/bin/computeflow.js");
  const child = spawn(process.execPath, [bin, ...args], { cwd: env.GITHUB_WORKSPACE || process.cwd(), env: { ...env, GITHUB_ACTIONS: "true" }, stdio: ["ignore", "pipe", "pipe"] });
  let problems = "";
  child.stdout.on("data", (chunk) => process.stdout.write(chunk));
  child.stderr.on("data", (chunk) => {
    process.stderr.write(chunk);
    problems += chunk.toString();
  });
  const code = await new Promise((resolve) => child.on("close", (c, signal) => resolve(c ?? (signal === "SIGINT" ? 130 : 1))));
  const result = RESULTS[code] ?? "failed";
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\nresult=${result}\n`);
  if (env.GITHUB_STEP_SUMMARY) {
    const lines = [`### computeflow ${args[0]} \`${args[1]}\`: ${result}`, ""];
    // plan, run and destroy add their own table; validate's problems go here.
    const found = problems.split("\n").filter((l) => /^\S.*:\d+:\d+: (error|warning)\[/.test(l) || /^ {2}hint: /.test(l));
    if (args[0] === "validate" && found.length) lines.push("```", ...found, "```", "");
    appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join("\n")}\n`);
  }
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stdout.write(`::error title=computeflow action::${escapeData(String(e?.stack ?? e))}\n`);
      process.exit(1);
    },
  );
}
