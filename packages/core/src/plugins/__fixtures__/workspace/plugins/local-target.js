export default {
  apiVersion: 1,
  name: "local-target",
  actions: { "configure-run": { schema: { type: "object", properties: { framework: { enum: ["python", "pyspark"] } } }, outputs: { file: "the file written" } } },
  async configureRun() {
    return { outputs: { file: "run.yml" }, changed: false };
  },
};
