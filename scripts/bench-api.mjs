// Measures API latency against a running server (loopback only): health, a
// signed-in case list and case page, and creating a complaint. Prints a
// Markdown table of p50 / p95 / p99 in milliseconds and requests per second.
// Usage: node scripts/bench-api.mjs http://127.0.0.1:8190 [requests]
const base = process.argv[2] ?? "http://127.0.0.1:8190";
const count = Number(process.argv[3] ?? 300);
const concurrency = 4;

async function signIn() {
  const response = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "resident@example.com", password: "demo-password-1" }),
  });
  if (response.status !== 200) throw new Error(`sign in: ${response.status}`);
  return response.headers.get("set-cookie").split(";")[0];
}

async function measure(name, makeRequest) {
  const times = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const response = await makeRequest(i);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      times.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return `| ${name} | ${at(0.5)} | ${at(0.95)} | ${at(0.99)} | ${(times.length / seconds).toFixed(0)} |`;
}

const cookie = await signIn();
const headers = { cookie, "content-type": "application/json" };
const cases = await (await fetch(`${base}/api/v1/cases`, { headers })).json();
const caseId = cases[0].id;
const policy = await (await fetch(`${base}/api/v1/policies/active`)).json();
const category = policy.effective.categories[0]?.id;

const rows = [
  await measure("GET /health (database round trip)", () => fetch(`${base}/api/v1/health`)),
  await measure("GET /cases (signed in, replays every case)", () => fetch(`${base}/api/v1/cases`, { headers })),
  await measure("GET /cases/{id} (timeline, due dates)", () => fetch(`${base}/api/v1/cases/${caseId}`, { headers })),
  await measure("GET /calendar/working-days", () => fetch(`${base}/api/v1/calendar/working-days?from=2026-12-18&days=20`)),
  await measure("POST /cases (create, fsync'd)", (i) =>
    fetch(`${base}/api/v1/cases`, {
      method: "POST",
      headers: { ...headers, "idempotency-key": `bench-${Date.now()}-${i}` },
      body: JSON.stringify({
        kind: "complaint", category, details: `Benchmark complaint ${i} about a late repair`,
        started_on: "2026-11-02", desired_outcome: "Fix it", insist: true,
      }),
    })),
];
console.log(`${count} requests each, ${concurrency} at a time, loopback:\n`);
console.log("| request | p50 ms | p95 ms | p99 ms | req/s |\n|---|---|---|---|---|");
console.log(rows.join("\n"));
