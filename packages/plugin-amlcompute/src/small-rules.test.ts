import { describe, expect, it } from "vitest";
import { durationToSeconds, secondsToDuration } from "./duration.js";
import { passwordProblem } from "./password.js";

describe("durations", () => {
  it("round-trips and reads ARM's other spellings", () => {
    expect(secondsToDuration(1800)).toBe("PT1800S");
    expect(durationToSeconds("PT1800S")).toBe(1800);
    expect(durationToSeconds("PT5M")).toBe(300);
    expect(durationToSeconds("PT1H30M")).toBe(5400);
    expect(durationToSeconds("P1DT1S")).toBe(86401);
    expect(durationToSeconds("PT")).toBeUndefined();
    expect(durationToSeconds("5 minutes")).toBeUndefined();
  });
});

describe("passwordProblem", () => {
  it("enforces Azure's length and character classes without echoing the password", () => {
    expect(passwordProblem("Short1!")).toMatch(/12 to 123 characters long \(it has 7\)/);
    expect(passwordProblem("alllowercaseletters")).toMatch(/three of/);
    expect(passwordProblem("emulator-admin-Passw0rd")).toBeUndefined();
    expect(passwordProblem("alllowercase-letters")).not.toContain("alllowercase");
  });
});
