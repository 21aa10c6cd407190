import { afterAll, describe, expect, it } from "vitest";
import { HEADER, TempWorkflows } from "./__fixtures__/temp-workflow.js";
import { loadWorkflow } from "./load-workflow.js";

const temp = new TempWorkflows();
afterAll(() => temp.cleanup());

// Every shape a hand-edited file can take must come back as problems, never as a throw.
const documents = [
  "version: 1\nname: x\nworkspace: ws\nsteps: [a, b]\n",
  "version: '1'\nname: [x]\nworkspace: { subscription_id: 1, resource_group: null, name: {} }\nsteps: { a: 5 }\n",
  HEADER + "inputs: [a]\ndefaults: 3\nsteps:\n  a: { uses: 7, action: [provision], with: 'x', needs: 4, if: [1] }\n",
  HEADER + "inputs:\n  n: { type: number, default: abc }\n  c: { type: choice, options: [] }\nsteps:\n  a: { uses: fixture, action: provision, with: { vm_size: { nested: ['${{ inputs.n }}'] } } }\n",
  HEADER + "steps:\n  a: { uses: '', action: '' }\n  b: { uses: './', action: attach }\n  c: { uses: '@', action: attach }\n  d: { uses: '../../../../../../../../nope.js', action: attach }\n",
  HEADER + "steps:\n  a: { uses: fixture, action: __proto__ }\n  b: { uses: fixture, action: constructor, needs: [__proto__] }\n",
  HEADER + "steps:\n  a: { uses: fixture, action: configure-run, with: { compute: '${{ steps.a.outputs.file }} ${{ }} ${{ ( }}' }, if: '${{ steps.b.outputs }}' }\n",
  HEADER + "steps:\n  a:\n    uses: fixture\n    action: provision\n    retry: -1\n    timeout_minutes: 0\n    continue_on_error: maybe\n    with: &w { vm_size: x }\n  b: { uses: fixture, action: provision, with: *w }\n",
  HEADER + "? [complex, key]\n: value\nsteps: {}\n",
  HEADER + "inputs:\n  a: null\n  b: 5\n  c: { type: number, default: [1] }\n  d: { type: choice, options: 5, default: x }\n  e: { type: date, default: x }\nsteps: { s1: { uses: fixture, action: configure-run, with: { compute: '${{ inputs.a }}' } } }\n",
];

describe("loadWorkflow on odd shapes", () => {
  it.each(documents.map((d, i) => [i, d]))("document %i comes back as problems", async (_, text) => {
    const file = await temp.write(text);
    const result = await loadWorkflow(file, { env: {} });
    expect(result.workflow).toBeUndefined();
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem).toMatchObject({ code: expect.stringMatching(/^E_[A-Z_]+$/), message: expect.any(String), severity: "error" });
      expect(problem.location?.line ?? 1).toBeGreaterThan(0);
    }
  });
});
