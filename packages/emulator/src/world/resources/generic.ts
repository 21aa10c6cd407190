import { resourceId } from "../../arm/arm-id.js";
import type { GenericResourceSpec } from "../world-types.js";
import type { ArmResource, Scope } from "./base.js";

export function genericResource(scope: Scope, g: GenericResourceSpec): ArmResource {
  const { s, rg } = scope;
  const [provider, ...types] = g.type.split("/");
  const names = g.name.split("/");
  const pairs = types.flatMap((t, i) => [t, names[i] ?? g.name]);
  return {
    id: resourceId(s, rg.name, provider!, ...pairs),
    name: names[names.length - 1]!,
    type: g.type,
    location: g.location ?? rg.location,
    properties: { provisioningState: "Succeeded", ...g.properties },
  };
}
