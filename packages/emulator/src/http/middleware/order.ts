import type { Middleware } from "../exchange.js";
import { apiVersion } from "./api-version.js";
import { auth } from "./auth.js";
import { body } from "./body.js";
import { faults } from "./faults.js";
import { route } from "./route.js";
import { specRequest } from "./spec-request.js";
import { throttling } from "./throttling.js";

/**
 * The order every request goes through; the first step that answers ends it.
 *
 * 1. auth        401 without a bearer token (before anything is counted, as ARM does)
 * 2. throttling  per-subscription token buckets: 429 SubscriptionRequestsThrottled
 * 3. faults      injected 429/500/503/reset/drop/slow; fail/hang are passed to the handler
 * 4. apiVersion  400 MissingApiVersionParameter / NoRegisteredProviderFound
 * 5. body        400 InvalidRequestContent for a body that is not JSON
 * 6. specRequest with the spec oracle on (tests): 400 SpecViolation for a compute body the REST spec rejects
 * 7. route       404 / 405, or the route's handler (its compute response is checked against the spec too)
 *
 * Admin (/_emulator/*) and sign-in routes skip steps 1-5. New routes go into the route
 * table (routes/), never here; a new cross-cutting rule is a new file and one line below.
 */
export const MIDDLEWARE: readonly Middleware[] = [auth, throttling, faults, apiVersion, body, specRequest, route];
