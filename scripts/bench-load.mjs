// Load for the benchmarks (scripts/bench): against a running server on
// loopback, each request measured at a steady rate (open loop: latency counts
// from the moment the request was due, so a server that falls behind is not
// hidden by the client waiting for it) and at the maximum (a fixed number of
// requests always in flight). Each figure is the median of --runs runs.
//
//   node scripts/bench-load.mjs BASE [--what create,list,case,queue]
//     [--rate 200] [--read-rate 2000] [--seconds 10] [--runs 3]
//     [--concurrency 32] [--population N]
//
// Residents: the demo resident, or with --population N the seeded residents
// (server seed-bench), 20 of them spread over 1..N, each signed in once. Staff:
// the demo caseworker, with the demo authenticator key.
import { createHmac } from "node:crypto";

const args = process.argv.slice(2);
const base = args[0] ?? "http://127.0.0.1:8190";
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const what = option("what", "create,list,case,queue").split(",");
const writeRate = Number(option("rate", 200));
const readRate = Number(option("read-rate", 2000));
const seconds = Number(option("seconds", 10));
const runs = Number(option("runs", 3));
const concurrency = Number(option("concurrency", 32));
const population = Number(option("population", 0));
const PASSWORD = "demo-password-1";
const TOTP_SECRET = "PUTITRIGHTDEMOTOTPSECRETFORDEMOS";

function totp(secret, step) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function signIn(email, totpSecret) {
  const answer = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = (answer.headers.getSetCookie?.() ?? [answer.headers.get("set-cookie")])
    .map((c) => c.split(";")[0]).join("; ");
  if (answer.status === 200) return cookie;
  if (answer.status !== 202 || !totpSecret) throw new Error(`sign in as ${email}: ${answer.status}`);
  const step = Math.floor(Date.now() / 30_000);
  for (const s of [step, step + 1, step - 1]) {
    const code = await fetch(`${base}/api/v1/session/second-factor`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ code: totp(totpSecret, s) }),
    });
    if (code.status === 200) {
      const more = (code.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
      const jar = new Map(cookie.split("; ").concat(more).map((c) => [c.split("=")[0], c]));
      return [...jar.values()].join("; ");
    }
  }
  throw new Error(`the authenticator codes for ${email} were refused`);
}

const residentEmails = population > 0
  ? Array.from({ length: 20 }, (_, k) => `resident-${1 + Math.floor((k * population) / 20)}@bench.example`)
  : ["resident@example.com"];
const residents = [];
for (const email of residentEmails) residents.push(await signIn(email));
const staff = await signIn("caseworker@example.com", TOTP_SECRET);
const caseIds = [];
for (const cookie of residents) {
  const cases = await (await fetch(`${base}/api/v1/cases?limit=20`, { headers: { cookie } })).json();
  for (const c of cases) caseIds.push([cookie, c.id]);
}
if (caseIds.length === 0) throw new Error("the residents have no cases");
const policy = await (await fetch(`${base}/api/v1/policies/active`)).json();
const category = policy.effective.categories[0]?.id;

let counter = 0;
const requests = {
  create: () => {
    const cookie = residents[counter % residents.length];
    const i = counter++;
    return fetch(`${base}/api/v1/cases`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "idempotency-key": `bench-${process.pid}-${Date.now()}-${i}` },
      body: JSON.stringify({
        kind: "complaint", category, details: `Benchmark complaint ${i} about a late repair`,
        started_on: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
        desired_outcome: "Fix it", insist: true,
      }),
    });
  },
  list: () => fetch(`${base}/api/v1/cases`, { headers: { cookie: residents[counter++ % residents.length] } }),
  case: () => {
    const [cookie, id] = caseIds[counter++ % caseIds.length];
    return fetch(`${base}/api/v1/cases/${id}`, { headers: { cookie } });
  },
  queue: () => fetch(`${base}/api/v1/staff/cases`, { headers: { cookie: staff } }),
};
const names = {
  create: "POST /cases (durable create)",
  list: "GET /cases (resident's list)",
  case: "GET /cases/{id} (case page)",
  queue: "GET /staff/cases (staff queue)",
};

async function timed(makeRequest, from, times, errors) {
  try {
    const response = await makeRequest();
    await response.arrayBuffer();
    if (!response.ok) errors.push(response.status);
    else times.push(performance.now() - from);
  } catch (e) {
    errors.push(e.code ?? e.message);
  }
}

const quantile = (sorted, q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

/** Open loop: request i is due at start + i / rate. */
async function steady(makeRequest, rate, duration = seconds) {
  const times = [];
  const errors = [];
  const pending = [];
  const total = Math.round(rate * duration);
  const start = performance.now() + 50;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + (i * 1000) / rate <= now) {
      pending.push(timed(makeRequest, start + (i * 1000) / rate, times, errors));
      i++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), errors };
}

/** Closed loop: `concurrency` requests always in flight for `seconds`. */
async function maximum(makeRequest) {
  const times = [];
  const errors = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  async function worker() {
    while (performance.now() < end) await timed(makeRequest, performance.now(), times, errors);
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / elapsed, p50: quantile(times, 0.5), p99: quantile(times, 0.99), errors };
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

console.log(`${runs} runs of ${seconds} s each, medians; ${concurrency} in flight at the maximum; loopback\n`);
console.log("| request | steady rate /s | p50 ms | p99 ms | max /s | p50 ms at max | p99 ms at max | errors |");
console.log("|---|---|---|---|---|---|---|---|");
for (const name of what) {
  const rate = name === "create" ? writeRate : readRate;
  const at = [];
  const top = [];
  for (let r = 0; r < runs; r++) {
    // A second to warm up, not counted.
    await steady(requests[name], rate / 2, 1);
    at.push(await steady(requests[name], rate));
    top.push(await maximum(requests[name]));
  }
  const errors = at.reduce((n, x) => n + x.errors.length, 0) + top.reduce((n, x) => n + x.errors.length, 0);
  if (errors) {
    const kinds = {};
    for (const e of [...at, ...top].flatMap((x) => x.errors)) kinds[e] = (kinds[e] ?? 0) + 1;
    console.error(`${name}: errors ${JSON.stringify(kinds)}`);
  }
  console.log(`| ${names[name]} | ${rate} | ${ms(median(at.map((x) => x.p50)))} | ${ms(median(at.map((x) => x.p99)))} | ` +
    `${median(top.map((x) => x.perSecond)).toFixed(0)} | ${ms(median(top.map((x) => x.p50)))} | ${ms(median(top.map((x) => x.p99)))} | ${errors} |`);
}
