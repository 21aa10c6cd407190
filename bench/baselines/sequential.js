// Baseline A: the document's style. One compute at a time, each awaited to completion
// with beginCreateOrUpdateAndWait (like `ComputeTarget.create` + `wait_for_completion`).
import { connect, loadArgs, main, runStep, workspaceLocation } from "./common.js";

await main(async () => {
  const args = loadArgs();
  const connection = connect(args);
  const location = await workspaceLocation(connection.client, args.spec);
  for (const step of args.spec.steps) await runStep(connection, args.spec, location, step);
});
