import { getScalarValue } from "js-yaml";
import type { ScalarEvent } from "js-yaml";
import type { SourceLocation } from "../errors.js";
import type { LineIndex } from "./line-index.js";
import { parentPointer } from "./json-pointer.js";

/** Where one node sits in the source. Offsets are 0-based; -1 means unknown. */
export interface NodePosition {
  valueOffset: number;
  keyOffset: number;
  /** Where a scalar's text starts (after an opening quote). */
  contentOffset: number;
  /** The parser's event for a scalar: offsets inside it are exact when its text is its value. */
  scalar?: ScalarEvent;
}

/** JSON pointer -> source position, falling back to the nearest ancestor that has one. */
export class PositionMap {
  private readonly nodes = new Map<string, NodePosition>();

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  set(pointer: string, position: NodePosition): void {
    this.nodes.set(pointer, position);
  }

  get(pointer: string): NodePosition | undefined {
    return this.nodes.get(pointer);
  }

  has(pointer: string): boolean {
    return this.nodes.has(pointer);
  }

  at(offset: number): SourceLocation {
    const { line, column } = this.lines.position(Math.max(0, offset));
    return { file: this.file, line, column };
  }

  /** Location of the value at `pointer` (plus `inner` characters into a verbatim scalar). */
  value(pointer: string, inner = 0): SourceLocation {
    const node = this.nearest(pointer);
    if (!node) return this.at(0);
    const exact = inner > 0 && this.nodes.get(pointer) === node && this.verbatim(node);
    return this.at(exact ? node.contentOffset + inner : node.valueOffset);
  }

  /** Location of the key naming `pointer` (the value's, for sequence items and the root). */
  key(pointer: string): SourceLocation {
    const node = this.nearest(pointer);
    if (!node) return this.at(0);
    return this.at(node.keyOffset >= 0 ? node.keyOffset : node.valueOffset);
  }

  private verbatim(node: NodePosition): boolean {
    const scalar = node.scalar;
    return scalar !== undefined && this.text.slice(scalar.valueStart, scalar.valueEnd) === getScalarValue(this.text, scalar);
  }

  private nearest(pointer: string): NodePosition | undefined {
    let current: string | undefined = pointer;
    while (current !== undefined) {
      const node = this.nodes.get(current);
      if (node) return node;
      current = parentPointer(current);
    }
    return undefined;
  }
}
