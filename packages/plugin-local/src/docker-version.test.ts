import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dockerVersion } from "./docker-version.js";

describe("dockerVersion", () => {
  it("is undefined when no docker is on PATH", async () => {
    const empty = await mkdtemp(join(tmpdir(), "no-docker-"));
    expect(await dockerVersion({ PATH: empty })).toBeUndefined();
  });

  it("returns the first line a docker executable prints for --version", async () => {
    const dir = await mkdtemp(join(tmpdir(), "docker-"));
    const bin = join(dir, "docker");
    await writeFile(bin, '#!/bin/sh\n[ "$1" = "--version" ] && echo "Docker version 27.0.1, build test" && exit 0\nexit 3\n');
    await chmod(bin, 0o755);
    expect(await dockerVersion({ PATH: `${dir}:/usr/bin:/bin` })).toBe("Docker version 27.0.1, build test");
  });

  it("is undefined when docker exits non-zero", async () => {
    const dir = await mkdtemp(join(tmpdir(), "docker-broken-"));
    const bin = join(dir, "docker");
    await writeFile(bin, "#!/bin/sh\necho 'Cannot connect' >&2\nexit 1\n");
    await chmod(bin, 0o755);
    expect(await dockerVersion({ PATH: `${dir}:/usr/bin:/bin` })).toBeUndefined();
  });
});
