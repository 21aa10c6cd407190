import { EVENT_ID } from "js-yaml";
import type { Event } from "js-yaml";

/** The most nodes that aliases may add by expansion (a 9x9 alias bomb adds ~430 million). */
export const MAX_ALIAS_EXPANSION = 100_000;
/** The largest workflow file parsed, in characters (a 1,000-step workflow is about 200 KB). */
export const MAX_DOCUMENT_CHARS = 5 * 1024 * 1024;

/** Where and why a document goes over a parser limit. */
export interface YamlLimitBreach {
  offset: number;
  message: string;
}

interface Open {
  /** Nodes below and including this collection, aliases expanded. */
  size: number;
  anchor: string | undefined;
}

/**
 * Counts how many nodes the aliases of a document expand to, from js-yaml's parse events and
 * before anything is constructed, so a bomb stops at the alias that crosses the cap.
 * (js-yaml's own `maxAliases` counts alias nodes, not how far they expand.)
 */
export function aliasExpansionBreach(events: readonly Event[], text: string, cap = MAX_ALIAS_EXPANSION): YamlLimitBreach | undefined {
  // An alias is written `*name`: a text without `*` has none, and nothing to count.
  if (!text.includes("*")) return undefined;
  const anchors = new Map<string, number>();
  const open: Open[] = [];
  let expanded = 0;
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }): string | undefined => (e.anchorStart >= 0 && e.anchorEnd > e.anchorStart ? text.slice(e.anchorStart, e.anchorEnd) : undefined);
  const add = (size: number, anchor: string | undefined): void => {
    if (anchor !== undefined) anchors.set(anchor, size);
    const parent = open[open.length - 1];
    if (parent) parent.size += size;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        anchors.clear();
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        open.push({ size: 1, anchor: anchorOf(event) });
        break;
      case EVENT_ID.POP: {
        const done = open.pop();
        if (done) add(done.size, done.anchor);
        break;
      }
      case EVENT_ID.SCALAR:
        add(1, anchorOf(event));
        break;
      case EVENT_ID.ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const size = anchors.get(name) ?? 1;
        expanded += size;
        if (expanded > cap) {
          return { offset: event.anchorStart - 1, message: `alias *${name} takes the document over ${cap.toLocaleString("en-US")} nodes once aliases are expanded` };
        }
        add(size, undefined);
        break;
      }
    }
  }
  return undefined;
}
