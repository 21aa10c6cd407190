import { relative } from "node:path";
import type { SourceLocation } from "@computeflow/core";

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`): the runner turns
 * them into annotations on the file and line. Only when GITHUB_ACTIONS=true.
 */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true";
}

export function annotation(kind: "error" | "warning" | "notice", message: string, options: { location?: SourceLocation | undefined; title?: string; cwd: string }): string {
  const loc = options.location;
  const props = [
    ...(loc ? [`file=${escapeProperty(relative(options.cwd, loc.file))}`, `line=${loc.line}`, `col=${loc.column}`] : []),
    ...(options.title ? [`title=${escapeProperty(options.title)}`] : []),
  ];
  return `::${kind}${props.length ? ` ${props.join(",")}` : ""}::${escapeData(message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
