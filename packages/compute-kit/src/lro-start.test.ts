import { describe, expect, it } from "vitest";
import { startWrite } from "./lro-start.js";

class PollerCancelledError extends Error {
  override name = "PollerCancelledError";
}

describe("startWrite", () => {
  it("treats the SDK's first poll seeing a finished Failed or Canceled operation as started", async () => {
    await expect(startWrite(async () => { throw new Error("The long-running operation has failed. InternalServerError. boom"); })).resolves.toBeUndefined();
    await expect(startWrite(async () => { throw new PollerCancelledError("Operation was canceled"); })).resolves.toBeUndefined();
  });

  it("throws a refused request or anything else as it came", async () => {
    const refused = Object.assign(new Error("The long-running operation has failed"), { statusCode: 400 });
    await expect(startWrite(async () => { throw refused; })).rejects.toBe(refused);
    await expect(startWrite(async () => { throw new TypeError("x is undefined"); })).rejects.toThrow(TypeError);
  });
});
