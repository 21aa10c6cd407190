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

/**
 * The sslConfiguration to send: your certificate and key (from the secrets, or the PEM files'
 * text that core read into `files`), or a leaf domain label. Pure: never reads a file.
 */
export function sslConfiguration(input: TlsInput, files: Readonly<Record<string, string>>): SslConfiguration | undefined {
  if (input.ssl_cname !== undefined) {
    const cert = input.ssl_cert ?? files.ssl_cert_pem_file ?? "";
    const key = input.ssl_key ?? files.ssl_key_pem_file ?? "";
    return { status: "Enabled", cname: input.ssl_cname, cert, key };
  }
  if (input.leaf_domain_label !== undefined) {
    return { status: "Auto", leafDomainLabel: input.leaf_domain_label, overwriteExistingDomain: input.overwrite_existing_domain };
  }
  return undefined;
}
