/** RFC 6901 JSON pointers: "/steps/cpu-cluster/with/max_nodes". */

export function escapeSegment(segment: string): string {
  if (!segment.includes("~") && !segment.includes("/")) return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += "/" + escapeSegment(String(segment));
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === "") return undefined;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** Human form for messages: "steps.cpu-cluster.with.max_nodes". */
export function pointerToPath(pointer: string): string {
  return splitPointer(pointer).join(".");
}
