// Waits until the server under test answers, so no test races its start-up.
export default async function globalSetup(): Promise<void> {
  const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3400";
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseURL} did not become healthy within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
