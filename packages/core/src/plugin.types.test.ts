import { describe, expectTypeOf, it } from "vitest";
import { defineAction, definePlugin, isUnresolved, unresolved } from "./plugin.js";
import type { CheckInput, StepContext, Unresolved, WithOf } from "./plugin.js";

const schema = {
  type: "object",
  additionalProperties: false,
  required: ["vm_size"],
  properties: {
    vm_size: { type: "string" },
    max_nodes: { type: "integer", default: 4 },
    priority: { enum: ["dedicated", "lowpriority"], default: "dedicated" },
    subnet: { type: "string" },
  },
} as const;

type Expected = { vm_size: string; max_nodes: number; priority: "dedicated" | "lowpriority"; subnet?: string };

// Checked by `tsc --noEmit` (npm run lint); vitest runs the file so the assertions are also executed.
describe("plugin contract types", () => {
  it("derives `with` from the schema, defaulted fields required", () => {
    expectTypeOf<WithOf<typeof schema>>().toEqualTypeOf<Expected>();
  });

  it("infers `with` in every hook of defineAction, inside definePlugin", () => {
    const plugin = definePlugin({
      apiVersion: 2,
      name: "typed",
      actions: {
        provision: defineAction({
          schema,
          outputs: { name: "compute name" },
          secretFields: ["subnet"],
          check(input) {
            expectTypeOf(input).toEqualTypeOf<CheckInput<Expected>>();
            expectTypeOf(input.max_nodes).toEqualTypeOf<number | Unresolved>();
            return isUnresolved(input.max_nodes) || input.max_nodes > 0 ? [] : [{ path: "/max_nodes", message: "no" }];
          },
          async plan(ctx) {
            expectTypeOf(ctx).toEqualTypeOf<StepContext<Expected>>();
            return { change: "create" };
          },
          async apply(ctx) {
            expectTypeOf(ctx.with.max_nodes).toEqualTypeOf<number>();
            return { outputs: { name: ctx.step.name } };
          },
          body(input, ctx) {
            expectTypeOf(input.priority).toEqualTypeOf<"dedicated" | "lowpriority">();
            return { method: "PUT", path: `/computes/${ctx.computeName}`, apiVersion: "2021-07-01", body: { vmSize: input.vm_size } };
          },
        }),
      },
    });
    expectTypeOf(plugin.actions.provision.apply).parameter(0).toEqualTypeOf<StepContext<Expected>>();
  });

  it("rejects a hook written for another input, and fields the schema lacks", () => {
    defineAction({
      schema,
      outputs: {},
      // @ts-expect-error max_nodes is a number, not a string
      async apply(ctx: StepContext<{ max_nodes: string }>) {
        return { outputs: { n: ctx.with.max_nodes } };
      },
    });
    defineAction({
      schema,
      outputs: {},
      // @ts-expect-error `password` is not a field of this schema
      secretFields: ["password"],
      async apply() {
        return {};
      },
    });
    defineAction({
      schema,
      outputs: {},
      // @ts-expect-error check sees run-time values as Unresolved, so a plain number type is wrong
      check: (input: { max_nodes: number }) => (input.max_nodes > 1 ? [] : []),
      async apply() {
        return {};
      },
    });
  });

  it("recognises an Unresolved value", () => {
    const value: unknown = unresolved("${{ steps.a.outputs.b }}");
    if (isUnresolved(value)) expectTypeOf(value.expression).toEqualTypeOf<string>();
  });
});
