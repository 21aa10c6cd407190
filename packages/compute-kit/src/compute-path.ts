// Core's: its reads and the plugins' writes name a compute and pick the api-version one way.
export { computePath, ML_API_VERSION } from "@computeflow/core";
