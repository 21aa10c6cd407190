const numeric = (c) => /^-?[\d.,]+$/.test(c);

/** Markdown table; columns holding only numbers are right-aligned. */
export function table(headers, rows) {
  const cells = rows.map((r) => r.map((c) => (c === undefined || c === null ? "-" : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const right = headers.map((_, i) => cells.length > 0 && cells.every((r) => numeric(r[i]) || r[i] === "-"));
  const line = (r) => `| ${r.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}

export const fixed = (n, digits = 2) => (typeof n === "number" && Number.isFinite(n) ? n.toFixed(digits) : "-");
