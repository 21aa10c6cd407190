import type { CliIO } from "./io.js";

export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** No colour: for what is printed before options are known, and where output never had colour. */
export const plain: Style = { red: (t) => t, yellow: (t) => t, green: (t) => t, bold: (t) => t, dim: (t) => t };

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const ansi: Style = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };

/** Colour only on a terminal, never with NO_COLOR (any value) or --no-color. */
export function styleFor(io: CliIO, colorOption = true): Style {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  return io.isTTY && colorOption && !noColor ? ansi : plain;
}
