// Load test of sign-in (security issue 13): 500 wrong passwords at once on one
// account, and 500 sign-ins at once that all need a password hash, against the
// release server on a throwaway SQLite file, while the server's resident memory
// is sampled from /proc. Then the attacked account's owner signs in: from the
// address they signed in from before (while a second wave of 500 is in flight),
// and from a new address (waiting as Retry-After says).
//
// Usage: node scripts/load-sign-in.mjs path/to/server   (scripts/load-sign-in does this)
// Exits 1 if the peak RSS reaches 300 MB, if the owner could not sign in either
// way in time, or if any answer was a 5xx other than 503 or a connection failed.
//
// Every request goes to 127.0.0.1 over plain HTTP/1.1 keep-alive connections.
// Attackers bind to other loopback addresses (127.0.0.10 to 127.0.0.109) so
// that the server sees many clients, as it would from a botnet; Linux routes
// all of 127.0.0.0/8 to the loopback interface.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const serverBin = process.argv[2];
if (!serverBin) {
  console.error("usage: node scripts/load-sign-in.mjs path/to/server");
  process.exit(2);
}
const BURST = 500;
const ADDRESSES = 50; // attacker addresses per wave, 10 connections each
const RSS_LIMIT_MB = 300;
const ACCOUNT_MAX_DELAY_S = 30; // crates/server/src/auth/limit.rs
const SLACK_S = 5;
const sustainedAt = process.argv.indexOf("--sustained");
const SUSTAINED = sustainedAt < 0 ? 0 : Number(process.argv[sustainedAt + 1] ?? 40) || 40;
const OWNER = { email: "owner@example.com", password: "owner's own long passphrase 7" };

const dir = mkdtempSync(join(tmpdir(), "pir-load-"));
const database = `sqlite://${dir}/load.sqlite`;
let server;
function cleanUp() {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBin, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")}: exit ${code}\n${output}`))));
  });
}

// --- memory: VmRSS sampled every 20 ms, and the kernel's own high-water mark
const memory = { samples: 0, peakRssKiB: 0, hwmKiB: 0, phaseKiB: 0 };
function readMemory() {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const kib = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
    memory.samples++;
    memory.peakRssKiB = Math.max(memory.peakRssKiB, kib("VmRSS"));
    memory.phaseKiB = Math.max(memory.phaseKiB, kib("VmRSS"));
    memory.hwmKiB = Math.max(memory.hwmKiB, kib("VmHWM"));
  } catch {
    // the server has exited; its exit is reported elsewhere
  }
}
const mb = (kib) => (kib / 1024).toFixed(1);
// The highest RSS sampled since the last call, for the phase that just ended.
function phasePeak() {
  readMemory();
  const peak = memory.phaseKiB;
  memory.phaseKiB = 0;
  return `peak RSS ${mb(peak)} MB`;
}

// --- HTTP: one keep-alive pool per client address
const agents = new Map();
function agentFor(address) {
  if (!agents.has(address)) agents.set(address, new http.Agent({ keepAlive: true, maxSockets: 10 }));
  return agents.get(address);
}
let port;
function signIn(email, password, address) {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/session",
        method: "POST",
        localAddress: address,
        agent: agentFor(address),
        // No Origin header: the server refuses cross-site writes, and a script is no site.
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        timeout: 60_000,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode, retryAfter: Number(response.headers["retry-after"] ?? 0) }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", (error) => resolve({ status: `error (${error.code ?? error.message})` }));
    request.end(body);
  });
}

const totals = new Map();
function tally(results) {
  const counts = new Map();
  for (const { status } of results) {
    counts.set(status, (counts.get(status) ?? 0) + 1);
    totals.set(status, (totals.get(status) ?? 0) + 1);
  }
  return [...counts].sort().map(([status, n]) => `${status}: ${n}`).join(", ");
}

// `count` sign-ins at once from `ADDRESSES` addresses starting at 127.0.0.`first`.
async function wave(count, first, makeEmail) {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      signIn(makeEmail(i), `wrong password number ${i}`, `127.0.0.${first + (i % ADDRESSES)}`),
    ),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

// The owner tries until signed in, waiting as long as each Retry-After says.
async function ownerSignsIn(address, limitSeconds) {
  const started = performance.now();
  let tries = 0;
  for (;;) {
    tries++;
    const answer = await signIn(OWNER.email, OWNER.password, address);
    const seconds = (performance.now() - started) / 1000;
    if (answer.status === 200) return { ok: true, seconds, tries };
    const retryable = answer.status === 429 || answer.status === 503;
    if (!retryable || seconds + (answer.retryAfter || 1) > limitSeconds)
      return { ok: false, seconds, tries, last: answer.status };
    await new Promise((r) => setTimeout(r, (answer.retryAfter || 1) * 1000));
  }
}

// --- start: an account made by `server user add` (password on stdin's stead,
// PORTAL_PASSWORD), then the server on a free port
port = await freePort();
const common = ["--database-url", database, "--dist-dir", join(dir, "no-app")];
await run([...common, "user", "add", "--role", "resident", "--email", OWNER.email, "--name", "Olive Owner"], {
  PORTAL_PASSWORD: OWNER.password,
});
server = spawn(serverBin, [...common, "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
let serverLog = "";
server.stderr.on("data", (d) => (serverLog = (serverLog + d).slice(-20_000)));
const sampler = setInterval(readMemory, 20);
for (let i = 0; ; i++) {
  const up = await new Promise((resolve) =>
    http.get({ host: "127.0.0.1", port, path: "/api/v1/health" }, (r) => (r.resume(), resolve(r.statusCode === 200))).on("error", () => resolve(false)),
  );
  if (up) break;
  if (i > 150 || server.exitCode !== null) throw new Error(`the server did not start:\n${serverLog}`);
  await new Promise((r) => setTimeout(r, 100));
}
readMemory();
const idleKiB = memory.peakRssKiB;
memory.phaseKiB = 0;
const cores = (await import("node:os")).availableParallelism();
console.log(`Server ${serverBin} on 127.0.0.1:${port}, ${cores} cores (hashing permits default to that, queue 32).`);
console.log(`RSS at start: ${mb(idleKiB)} MB\n`);

const failures = [];
const baseline = await ownerSignsIn("127.0.0.1", 5);
if (!baseline.ok) failures.push(`the owner could not sign in before the attack (${baseline.last})`);
console.log(`The owner signs in from 127.0.0.1 before the attack (making it a known address): ${baseline.ok ? "200" : baseline.last} in ${baseline.seconds.toFixed(2)} s`);

const attack1 = await wave(BURST, 10, () => OWNER.email);
console.log(`Wave 1: ${BURST} wrong passwords at once on the owner's account, ${ADDRESSES} addresses x 10 connections: ${tally(attack1.results)} (${attack1.seconds.toFixed(1)} s, ${phasePeak()})`);

const flood = await wave(BURST, 60, (i) => `nobody-${i}@example.net`);
console.log(`Wave 2: ${BURST} sign-ins at once on ${BURST} unknown accounts (each one needs a hash), ${ADDRESSES} other addresses: ${tally(flood.results)} (${flood.seconds.toFixed(1)} s, ${phasePeak()})`);

const newAddress = "127.0.0.254";
const fresh = await ownerSignsIn(newAddress, ACCOUNT_MAX_DELAY_S + SLACK_S);
if (!fresh.ok) failures.push(`the owner could not sign in from a new address within ${ACCOUNT_MAX_DELAY_S + SLACK_S} s (last answer ${fresh.last})`);
console.log(`The owner signs in from a new address (${newAddress}) after the attack: ${fresh.ok ? "signed in" : `NOT signed in (${fresh.last})`} after ${fresh.seconds.toFixed(1)} s, ${fresh.tries} tries (the account's ceiling is ${ACCOUNT_MAX_DELAY_S} s)`);

const attack2 = wave(BURST, 10, () => OWNER.email);
await new Promise((r) => setTimeout(r, 50)); // the wave is on the wire
const known = await ownerSignsIn("127.0.0.1", SLACK_S);
const attack2Done = await attack2;
if (!known.ok) failures.push(`the owner could not sign in from their known address during the attack (${known.last})`);
console.log(`Wave 3: ${BURST} more wrong passwords at once: ${tally(attack2Done.results)} (${attack2Done.seconds.toFixed(1)} s, ${phasePeak()})`);
console.log(`The owner signs in from their known address (127.0.0.1) during wave 3: ${known.ok ? "signed in" : `NOT signed in (${known.last})`} after ${known.seconds.toFixed(2)} s, ${known.tries} tries`);

// --sustained [SECONDS]: an attack that keeps going (20 attempts in flight,
// from 250 more addresses so that no address's own limit stops it) until the
// account's delay has doubled up to its ceiling; the owner then tries from
// another new address while it goes on, and again once it has stopped.
if (SUSTAINED > 0) {
  const results = [];
  let attacking = true;
  let sent = 0;
  const attacker = async () => {
    while (attacking) {
      const i = sent++;
      results.push(await signIn(OWNER.email, `sustained guess ${i}`, `127.0.1.${1 + (i % 250)}`));
    }
  };
  const attackers = Array.from({ length: 20 }, attacker);
  await new Promise((r) => setTimeout(r, SUSTAINED * 1000));
  const checked = results.filter((r) => r.status === 401).length;
  console.log(`\nSustained attack, ${SUSTAINED} s so far: ${results.length} attempts, ${checked} reached the password check (${phasePeak()})`);
  const during = await ownerSignsIn("127.0.0.253", ACCOUNT_MAX_DELAY_S + SLACK_S);
  console.log(`The owner signs in from a new address (127.0.0.253) while the attack goes on: ${during.ok ? "signed in" : `NOT signed in (last answer ${during.last})`} after ${during.seconds.toFixed(1)} s, ${during.tries} tries`);
  attacking = false;
  await Promise.all(attackers);
  tally(results);
  if (!during.ok) {
    const after = await ownerSignsIn("127.0.0.252", ACCOUNT_MAX_DELAY_S + SLACK_S);
    if (!after.ok) failures.push(`the owner could not sign in from a new address after the sustained attack (${after.last})`);
    console.log(`The owner signs in from a new address (127.0.0.252) once the attack has stopped: ${after.ok ? "signed in" : `NOT signed in (${after.last})`} after ${after.seconds.toFixed(1)} s, ${after.tries} tries`);
  }
}

readMemory();
clearInterval(sampler);
for (const agent of agents.values()) agent.destroy();
const peakKiB = Math.max(memory.peakRssKiB, memory.hwmKiB);
const histogram = [...totals].sort().map(([status, n]) => `${status}: ${n}`).join(", ");
console.log(`\nAll ${[...totals.values()].reduce((a, b) => a + b, 0)} sign-in answers: ${histogram}`);
console.log(`Peak RSS: ${mb(peakKiB)} MB (VmHWM ${mb(memory.hwmKiB)} MB, highest of ${memory.samples} VmRSS samples ${mb(memory.peakRssKiB)} MB; limit ${RSS_LIMIT_MB} MB)`);

if (peakKiB >= RSS_LIMIT_MB * 1024) failures.push(`peak RSS ${mb(peakKiB)} MB is not under ${RSS_LIMIT_MB} MB`);
for (const [status, n] of totals) {
  if (typeof status !== "number" || (status >= 500 && status !== 503))
    failures.push(`${n} answers were ${status}`);
}
if (server.exitCode !== null) failures.push(`the server exited (${server.exitCode}):\n${serverLog}`);
if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\nPassed: memory stayed under the limit and the owner got in.");
process.exit(0);
