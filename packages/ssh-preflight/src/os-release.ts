export interface OsRelease {
  id: string;
  versionId?: string;
  prettyName?: string;
  idLike: string[];
}

/** Parses /etc/os-release (freedesktop format: KEY=value, values optionally quoted). */
export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields.set(match[1]!, unquote(match[2]!));
  }
  return {
    id: (fields.get("ID") ?? "linux").toLowerCase(),
    versionId: fields.get("VERSION_ID"),
    prettyName: fields.get("PRETTY_NAME"),
    idLike: (fields.get("ID_LIKE") ?? "").toLowerCase().split(/\s+/).filter(Boolean),
  };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]!.replace(/\\(.)/g, "$1") : value;
}
