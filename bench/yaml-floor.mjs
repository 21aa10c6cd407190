// The floor under `computeflow validate FILE`: a process that reads the workflow file and
// parses it with the parser and the call computeflow itself uses (js-yaml's parseEvents), and
// does nothing else: no CLI, no schema, no plugin, no step. bench/cold-start.mjs times it
// beside `node -e 0` and `validate`, so each run shows how much of validate's budget the
// parser alone takes.
import { readFileSync } from "node:fs";
import { parseEvents } from "js-yaml";

parseEvents(readFileSync(process.argv[2], "utf8"), { filename: process.argv[2] });
