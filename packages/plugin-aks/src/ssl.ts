import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { ComputeflowError } from "@computeflow/core";
import type { TlsInput } from "./input.js";

/** sslConfiguration as ARM takes it (api-version 2021-07-01). */
export interface SslConfiguration {
  status: "Disabled" | "Enabled" | "Auto";
  cname?: string;
  cert?: string;
  key?: string;
  leafDomainLabel?: string;
  overwriteExistingDomain?: boolean;
}

/** The TLS settings that can be compared with what Azure reports (it never returns cert or key). */
export interface TlsSettings {
  status: SslConfiguration["status"];
  cname: string | null;
  leafDomainLabel: string | null;
}

export function desiredTls(input: TlsInput): TlsSettings | undefined {
  if (input.ssl_cname !== undefined) return { status: "Enabled", cname: input.ssl_cname, leafDomainLabel: null };
  if (input.leaf_domain_label !== undefined) return { status: "Auto", cname: null, leafDomainLabel: input.leaf_domain_label };
  return undefined;
}

export function currentTls(ssl: Partial<SslConfiguration> | undefined): TlsSettings | undefined {
  if (!ssl?.status || ssl.status === "Disabled") return undefined;
  return { status: ssl.status, cname: ssl.cname ?? null, leafDomainLabel: ssl.leafDomainLabel ?? null };
}

export function sameTls(a: TlsSettings | undefined, b: TlsSettings | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function readPem(file: string, workflowDir: string, field: string): Promise<string> {
  const path = file.startsWith("~/") ? join(homedir(), file.slice(2)) : isAbsolute(file) ? file : join(workflowDir, file);
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    throw new ComputeflowError({ code: "E_PATH_NOT_FOUND", errorClass: "validation", message: `${field}: cannot read ${file}`, hint: "check the path (relative to the workflow file)", cause });
  }
}

/**
 * The sslConfiguration to send. Certificate and key contents are marked secret the moment
 * they are read, so they never reach a log, the journal or the plan.
 */
export async function sslConfiguration(input: TlsInput, workflowDir: string, secret: (value: string) => void): Promise<SslConfiguration | undefined> {
  if (input.ssl_cname !== undefined) {
    const cert = input.ssl_cert ?? (await readPem(input.ssl_cert_pem_file ?? "", workflowDir, "ssl_cert_pem_file"));
    const key = input.ssl_key ?? (await readPem(input.ssl_key_pem_file ?? "", workflowDir, "ssl_key_pem_file"));
    secret(cert);
    secret(key);
    return { status: "Enabled", cname: input.ssl_cname, cert, key };
  }
  if (input.leaf_domain_label !== undefined) {
    return { status: "Auto", leafDomainLabel: input.leaf_domain_label, overwriteExistingDomain: input.overwrite_existing_domain ?? false };
  }
  return undefined;
}
