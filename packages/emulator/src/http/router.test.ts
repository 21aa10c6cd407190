import { describe, expect, it } from "vitest";
import { Router } from "./router.js";

const ok = () => ({ status: 200 });

describe("Router", () => {
  const router = new Router()
    .add({ method: "GET", template: "/subscriptions/{sub}/things/{name}", operation: "things.get", kind: "arm", handler: ok })
    .add({ method: "GET", template: "/subscriptions/{sub}/{type}/{name}", operation: "any.get", kind: "arm", handler: ok });

  it("matches literal segments case-insensitively and decodes parameters", () => {
    const m = router.match("GET", "/SUBSCRIPTIONS/s1/Things/a%20b");
    expect(m).toMatchObject({ route: { operation: "things.get" }, params: { sub: "s1", name: "a b" } });
  });

  it("prefers the first route that matches and tells a wrong method from an unknown path", () => {
    expect(router.match("GET", "/subscriptions/s/others/x")).toMatchObject({ route: { operation: "any.get" } });
    expect(router.match("PUT", "/subscriptions/s/things/x")).toBe("method-not-allowed");
    expect(router.match("GET", "/nope")).toBeUndefined();
  });
});
