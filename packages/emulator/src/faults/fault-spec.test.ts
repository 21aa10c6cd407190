import { describe, expect, it } from "vitest";
import { FaultInjector } from "./fault-injector.js";
import { parseFaultSpec } from "./fault-spec.js";

describe("parseFaultSpec", () => {
  it("reads rate, seed and kinds; defaults the rest", () => {
    expect(parseFaultSpec("rate=0.3,seed=7,kinds=429+reset")).toEqual({
      rate: 0.3, seed: 7, kinds: ["429", "reset"], retryAfter: 1, slowMs: 1000, after: 0,
    });
  });

  it("count without rate means every eligible request until count is spent", () => {
    expect(parseFaultSpec("count=2,kinds=500,match=/computes,methods=put+get")).toMatchObject({ rate: 1, count: 2, match: "/computes", methods: ["PUT", "GET"] });
  });

  it.each([
    ["rate=1.5", /rate must be between 0 and 1/],
    ["kinds=429+teapot", /unknown kind\(s\) teapot/],
    ["speed=9", /unknown key 'speed'/],
    ["rate", /not key=value/],
    ["seed=-1", /non-negative number/],
  ])("rejects %s", (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe("FaultInjector", () => {
  const run = (spec: string, n = 200) => {
    const f = new FaultInjector(spec);
    return Array.from({ length: n }, (_, i) => f.pick(i % 3 ? "GET" : "PUT", `/subscriptions/s/x${i}`, i % 3 === 0) ?? "-");
  };

  it("is reproducible for a seed and differs across seeds", () => {
    expect(run("rate=0.3,seed=7")).toEqual(run("rate=0.3,seed=7"));
    expect(run("rate=0.3,seed=7")).not.toEqual(run("rate=0.3,seed=8"));
  });

  it("rearm() starts the same sequence again", () => {
    const f = new FaultInjector("rate=0.5,seed=3");
    const seq = () => Array.from({ length: 20 }, () => f.pick("GET", "/x", false) ?? "-");
    const first = seq();
    f.rearm();
    expect(seq()).toEqual(first);
  });

  it("injects about `rate` of eligible requests, only of the listed kinds", () => {
    const picks = run("rate=0.3,seed=1,kinds=429+503", 2000).filter((k) => k !== "-");
    expect(picks.length).toBeGreaterThan(500);
    expect(picks.length).toBeLessThan(700);
    expect(new Set(picks)).toEqual(new Set(["429", "503"]));
  });

  it("gives operation faults only to requests that start an operation", () => {
    const picks = run("rate=1,kinds=fail", 9);
    expect(picks).toEqual(["fail", "-", "-", "fail", "-", "-", "fail", "-", "-"]);
  });

  it("matches operation names with op=", () => {
    const f = new FaultInjector("rate=1,kinds=429,op=computes.get+operations.status");
    expect([f.pick("GET", "/a", false, "computes.get"), f.pick("GET", "/b", false, "workspaces.get"), f.pick("GET", "/c", false)]).toEqual(["429", undefined, undefined]);
  });

  it("honours after, count, match and methods", () => {
    expect(run("kinds=500,after=2,count=2", 6)).toEqual(["-", "-", "500", "500", "-", "-"]);
    expect(run("rate=1,kinds=500,match=x1", 12).filter((k) => k !== "-")).toHaveLength(3);
    expect(run("rate=1,kinds=500,methods=PUT", 6)).toEqual(["500", "-", "-", "500", "-", "-"]);
  });
});
