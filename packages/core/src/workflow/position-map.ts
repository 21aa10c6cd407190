import type { SourceLocation } from "../errors.js";
import type { LineIndex } from "./line-index.js";
import { parentPointer } from "./json-pointer.js";

/** Where one node sits in the source. Offsets are 0-based; -1 means unknown. */
export interface NodePosition {
  valueOffset: number;
  keyOffset: number;
  /** Where a scalar's text starts (after an opening quote). */
  contentOffset: number;
  /** True when the scalar's source text equals its value, so offsets inside it are exact. */
  verbatim: boolean;
}

/** JSON pointer -> source position, falling back to the nearest ancestor that has one. */
export class PositionMap {
  private readonly nodes = new Map<string, NodePosition>();

  constructor(
    readonly file: string,
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
    return { file: this.file, ...this.lines.position(Math.max(0, offset)) };
  }

  /** Location of the value at `pointer` (plus `inner` characters into a verbatim scalar). */
  value(pointer: string, inner = 0): SourceLocation {
    const node = this.nearest(pointer);
    if (!node) return this.at(0);
    const exact = this.nodes.get(pointer) === node && node.verbatim && inner > 0;
    return this.at(exact ? node.contentOffset + inner : node.valueOffset);
  }

  /** Location of the key naming `pointer` (the value's, for sequence items and the root). */
  key(pointer: string): SourceLocation {
    const node = this.nearest(pointer);
    if (!node) return this.at(0);
    return this.at(node.keyOffset >= 0 ? node.keyOffset : node.valueOffset);
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
