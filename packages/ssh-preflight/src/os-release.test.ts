import { describe, expect, it } from "vitest";
import { parseOsRelease } from "./os-release.js";

describe("parseOsRelease", () => {
  it("reads quoted and unquoted fields", () => {
    expect(parseOsRelease('ID=ubuntu\nVERSION_ID="22.04"\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\nID_LIKE=debian\n')).toEqual({
      id: "ubuntu",
      versionId: "22.04",
      prettyName: "Ubuntu 22.04.4 LTS",
      idLike: ["debian"],
    });
  });

  it("treats missing output as plain linux, which is not Ubuntu", () => {
    expect(parseOsRelease("").id).toBe("linux");
  });
});
