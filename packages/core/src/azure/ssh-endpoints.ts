/** Asks the emulator's admin route which loopback SSH server stands in for each `addr:port`. */
export async function fetchEmulatorSshEndpoints(endpoint: string, caCert: string): Promise<Record<string, string>> {
  // Loaded here, not at import: validate and graph never open a connection.
  const { request } = await import("node:https");
  return new Promise((resolve, reject) => {
    const req = request(new URL("/_emulator/ssh-endpoints", endpoint), { ca: caCert, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        try {
          if ((res.statusCode ?? 500) >= 400) throw new Error(`emulator answered ${res.statusCode}`);
          resolve(JSON.parse(body) as Record<string, string>);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

export function lookupSshEndpoint(map: Record<string, string>, host: string, port: number): { host: string; port: number } {
  const mapped = map[`${host}:${port}`];
  if (!mapped) return { host, port };
  const index = mapped.lastIndexOf(":");
  return { host: mapped.slice(0, index), port: Number(mapped.slice(index + 1)) };
}
