import { cp, mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pluginWorkspace = fileURLToPath(new URL("../../plugins/__fixtures__/workspace/", import.meta.url));

/** Temporary directories holding a workflow file, with the fixture plugins installed beside it. */
export class TempWorkflows {
  private readonly roots: string[] = [];

  async write(yaml: string, files: Record<string, string> = {}): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), "computeflow-wf-"));
    this.roots.push(root);
    await symlink(join(pluginWorkspace, "node_modules"), join(root, "node_modules"), "dir");
    // Copied, not linked: a local plugin must really lie inside the project.
    await cp(join(pluginWorkspace, "plugins"), join(root, "plugins"), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), content);
    }
    const file = join(root, "wf.yaml");
    await writeFile(file, yaml);
    return file;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
  }
}

export const HEADER = "version: 1\nname: test\nworkspace:\n  subscription_id: sub\n  resource_group: rg\n  name: ws\n";
