// `npx tsx bench/pairing.ts`: times proposeAssignment on a large cohort (500 participants, 200
// partners, 12 policy areas, capacities 1–4, about one participant in ten working for a partner).
// The first run is reported on its own: a server answers it before the JIT has warmed up. CPU time
// is printed beside wall-clock time because on a busy machine the two differ a lot.
import { proposeAssignment } from "../lib/pairing";
import { randomCohort } from "../lib/pairing/random-instance";

const RUNS = 5;
const { participants, partners } = randomCohort({ participants: 500, partners: 200, capacity: [1, 4], seed: 42 });
const conflicts = participants.filter((p) => p.employer.startsWith("gemeente")).length;

const times: number[] = [];
const cpuTimes: number[] = [];
let pairs = 0;
let total = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = proposeAssignment(participants, partners);
  times.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  pairs = result.pairs.length;
  total = result.totalScore;
}
const sorted = [...times].sort((a, b) => a - b);
const ms = (value: number | undefined): string => `${(value ?? Number.NaN).toFixed(1)} ms`;
console.log(`pairing 500 × 200 (${String(conflicts)} own-employer participants): ${String(pairs)} pairs, total score ${String(total)}`);
console.log(`wall ms per run: ${times.map((t) => t.toFixed(1)).join(", ")}`);
console.log(`cpu ms per run:  ${cpuTimes.map((t) => t.toFixed(1)).join(", ")}`);
console.log(`first ${ms(times[0])}, median ${ms(sorted[Math.floor(RUNS / 2)])}, max ${ms(sorted[RUNS - 1])} (wall clock)`);
