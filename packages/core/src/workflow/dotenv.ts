/** Parses a dotenv file: KEY=value lines, `export` prefixes, quotes, `#` comments. */
export function parseDotenv(text: string): { values: Record<string, string>; errors: { line: number; message: string }[] } {
  const values: Record<string, string> = {};
  const errors: { line: number; message: string }[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      errors.push({ line: i + 1, message: "expected KEY=value" });
      continue;
    }
    values[match[1] ?? ""] = unquote(match[2] ?? "");
  }
  return { values, errors };
}

function unquote(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1") : inner;
  }
  const comment = raw.search(/\s#/);
  return (comment >= 0 ? raw.slice(0, comment) : raw).trim();
}
