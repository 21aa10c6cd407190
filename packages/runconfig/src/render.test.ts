import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { renderRunConfig } from "./render.js";

describe("renderRunConfig", () => {
  it("writes azureml-core's field names for a Docker + Conda run", () => {
    const text = renderRunConfig({
      target: "dsvm",
      framework: "python",
      nodeCount: 1,
      docker: { enabled: true, baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" },
      python: { condaFile: "environment.yml" },
    });
    expect(text.startsWith("# Written by computeflow.")).toBe(true);
    const doc = load(text) as Record<string, any>;
    expect(doc).toMatchObject({
      target: "dsvm",
      framework: "Python",
      communicator: "None",
      nodeCount: 1,
      environment: {
        python: { userManagedDependencies: false, interpreterPath: "python", condaDependenciesFile: "environment.yml" },
        docker: { enabled: true, baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", sharedVolumes: true, gpuSupport: false },
      },
      history: { outputCollection: true, snapshotProject: true },
    });
  });

  it("writes PySpark with a user-managed interpreter and no Docker image", () => {
    const doc = load(renderRunConfig({ target: "myhdi", framework: "pyspark", python: { userManaged: true, interpreterPath: "/usr/bin/anaconda/bin/python" } })) as Record<string, any>;
    expect(doc.framework).toBe("PySpark");
    expect(doc.environment.python).toEqual({ userManagedDependencies: true, interpreterPath: "/usr/bin/anaconda/bin/python", condaDependenciesFile: null });
    expect(doc.environment.docker.enabled).toBe(false);
    expect(doc.environment.docker.baseImage).toBeNull();
  });
});
