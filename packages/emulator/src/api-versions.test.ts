import { describe, expect, it } from "vitest";
import { mlClient, RG, SUB, until, useEmulator, WS } from "./__fixtures__/clients.js";
import { rawRequest } from "./__fixtures__/raw.js";

const em = useEmulator();
const computePath = (name: string, suffix = "") => `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/computes/${name}${suffix}`;

const instance = (extra: Record<string, unknown>) => ({
  location: "westeurope",
  properties: { computeType: "ComputeInstance", properties: { vmSize: "STANDARD_DS3_V2", ...extra } },
});
const schedules = { computeStartStop: [{ status: "Enabled", action: "Stop", triggerType: "Cron", cron: { expression: "0 18 * * *", timeZone: "UTC" } }] };

describe("Machine Learning api-versions: each shows and accepts only its own fields", () => {
  it("keeps schedules and idle shutdown at the versions that have them, hides them from older ones", async () => {
    const client = mlClient(em());
    const put = await rawRequest(client, em(), "PUT", `${computePath("ci-new")}?api-version=2023-04-01`, instance({ schedules, idleTimeBeforeShutdown: "PT30M", enableNodePublicIp: false }));
    expect(put.status).toBe(201);
    const at = async (v: string) => ((await rawRequest(client, em(), "GET", `${computePath("ci-new")}?api-version=${v}`)).body as any).properties.properties;
    await until(() => at("2023-04-01"), (p) => p.state === "Running");
    expect(await at("2023-04-01")).toMatchObject({ idleTimeBeforeShutdown: "PT30M", enableNodePublicIp: false, schedules: { computeStartStop: [{ action: "Stop", id: expect.any(String), provisioningStatus: "Completed" }] } });
    const v2022 = await at("2022-10-01");
    expect(v2022.schedules).toBeDefined();
    expect(v2022.idleTimeBeforeShutdown).toBeUndefined();
    const v2021 = await at("2021-07-01");
    expect([v2021.schedules, v2021.enableNodePublicIp, v2021.idleTimeBeforeShutdown]).toEqual([undefined, undefined, undefined]);
  });

  it("drops a field the request's api-version does not have, as ARM does", async () => {
    const client = mlClient(em());
    await rawRequest(client, em(), "PUT", `${computePath("ci-old")}?api-version=2022-10-01`, instance({ idleTimeBeforeShutdown: "PT30M" }));
    const got = (await rawRequest(client, em(), "GET", `${computePath("ci-old")}?api-version=2023-04-01`)).body as any;
    expect(got.properties.properties.idleTimeBeforeShutdown).toBeUndefined();
  });

  it("serves updateSchedules at 2022-10-01 and updateIdleShutdownSetting at 2023-04-01 only, in place", async () => {
    const client = mlClient(em());
    const wrong = await rawRequest(client, em(), "POST", `${computePath("ci-new", "/updateIdleShutdownSetting")}?api-version=2022-10-01`, { idleTimeBeforeShutdown: "PT60M" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "NoRegisteredProviderFound" } });
    expect((await rawRequest(client, em(), "POST", `${computePath("ci-new", "/updateIdleShutdownSetting")}?api-version=2023-04-01`, { idleTimeBeforeShutdown: "PT5M" })).status).toBe(400);
    expect((await rawRequest(client, em(), "POST", `${computePath("ci-new", "/updateIdleShutdownSetting")}?api-version=2023-04-01`, { idleTimeBeforeShutdown: "PT60M" })).status).toBe(200);
    const start = { computeStartStop: [{ status: "Enabled", action: "Start", triggerType: "Recurrence", recurrence: { frequency: "Day", interval: 1, timeZone: "UTC", schedule: { hours: [8], minutes: [0] } } }] };
    expect((await rawRequest(client, em(), "POST", `${computePath("ci-new", "/updateSchedules")}?api-version=2022-10-01`, start)).status).toBe(200);
    const props = ((await rawRequest(client, em(), "GET", `${computePath("ci-new")}?api-version=2023-04-01`)).body as any).properties;
    expect(props.provisioningState).toBe("Succeeded");
    expect(props.properties.idleTimeBeforeShutdown).toBe("PT60M");
    expect(props.properties.schedules.computeStartStop).toEqual([expect.objectContaining({ action: "Start", triggerType: "Recurrence" })]);
  });
});
