import { readFile } from "node:fs/promises";
import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { parseDotenv } from "./dotenv.js";
import { error } from "./problems.js";

export interface SecretSource {
  /** The secret's value (environment first, then the secrets file); remembers what it handed out. */
  lookup(name: string): string | undefined;
  /** Every secret value looked up so far, for redaction. */
  used(): string[];
  problems: Problem[];
}

export async function loadSecrets(env: Record<string, string | undefined>, secretsFile: string | undefined): Promise<SecretSource> {
  const problems: Problem[] = [];
  let fromFile: Record<string, string> = {};
  if (secretsFile !== undefined) {
    try {
      const parsed = parseDotenv(await readFile(secretsFile, "utf8"));
      fromFile = parsed.values;
      // Never quote the line: it may hold a secret.
      for (const e of parsed.errors) problems.push(error(ErrorCodes.INPUT, `${e.message} in the secrets file`, { file: secretsFile, line: e.line, column: 1 }));
    } catch (e) {
      problems.push(error(ErrorCodes.INPUT, `cannot read the secrets file ${secretsFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
    }
  }
  const used = new Set<string>();
  return {
    lookup(name) {
      const fromEnv = Object.hasOwn(env, name) ? env[name] : undefined;
      const value = typeof fromEnv === "string" ? fromEnv : Object.hasOwn(fromFile, name) ? fromFile[name] : undefined;
      if (value !== undefined && value !== "") used.add(value);
      return value;
    },
    used: () => [...used],
    problems,
  };
}
