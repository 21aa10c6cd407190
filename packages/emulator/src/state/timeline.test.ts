import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline.js";

describe("Timeline", () => {
  it("applies due changes in time order, same-time changes in scheduling order, and nothing early", () => {
    const t = new Timeline();
    const seen: string[] = [];
    t.at(20, () => seen.push("b"));
    t.at(10, () => seen.push("a"));
    t.at(20, () => seen.push("c"));
    t.advance(5);
    expect(seen).toEqual([]);
    t.advance(20);
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("runs changes scheduled by a change when they are already due", () => {
    const t = new Timeline();
    const seen: number[] = [];
    t.at(1, () => {
      seen.push(1);
      t.at(2, () => seen.push(2));
    });
    t.advance(10);
    expect(seen).toEqual([1, 2]);
  });
});
