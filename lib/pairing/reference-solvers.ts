// Slow, obviously-correct solvers that the tests hold proposeAssignment against. Test-only: never
// import them from app code.
import { scorePair } from "./score";
import type { PairingParticipant, PairingPartner } from "./types";

/** Every way to pair the open participants (or leave them out); best by count, then score. */
export function bruteForce(participants: PairingParticipant[], partners: PairingPartner[], keep: readonly { participantId: string; partnerId: string }[]): { count: number; total: number } {
  const room = new Map(partners.map((q) => [q.id, q.capacityLeft]));
  let count = 0;
  let total = 0;
  for (const k of keep) {
    room.set(k.partnerId, (room.get(k.partnerId) ?? 0) - 1);
    const p = participants.find((x) => x.id === k.participantId);
    const q = partners.find((x) => x.id === k.partnerId);
    if (p === undefined || q === undefined) throw new Error("bad keep");
    count++;
    total += scorePair(p, q).score;
  }
  const open = participants.filter((p) => !keep.some((k) => k.participantId === p.id));
  let best = { count: -1, total: -1 };
  const walk = (i: number, c: number, t: number): void => {
    if (i === open.length) {
      if (c > best.count || (c === best.count && t > best.total)) best = { count: c, total: t };
      return;
    }
    walk(i + 1, c, t);
    const p = open[i];
    if (p === undefined) return;
    for (const q of partners) {
      const s = scorePair(p, q);
      const left = room.get(q.id) ?? 0;
      if (!s.eligible || left <= 0) continue;
      room.set(q.id, left - 1);
      walk(i + 1, c + 1, t + s.score);
      room.set(q.id, left);
    }
  };
  walk(0, 0, 0);
  return { count: count + best.count, total: total + best.total };
}

/**
 * An independent reference for cohorts too big to enumerate: Bellman-Ford successive shortest
 * paths with arc cost −(1,000,000 + score), so count comes first by a big constant instead of by
 * max-flow, and no potentials or blocking flow are involved.
 */
export function reference(participants: PairingParticipant[], partners: PairingPartner[]): { count: number; total: number } {
  const first = participants.length;
  const sink = first + partners.length;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (u: number, v: number, c: number, w: number): void => {
    out[u]?.push(to.length);
    out[v]?.push(to.length + 1);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  participants.forEach((p, i) => {
    partners.forEach((q, j) => {
      const s = scorePair(p, q);
      if (s.eligible) add(i, first + j, 1, -(1_000_000 + s.score));
    });
  });
  partners.forEach((q, j) => {
    add(first + j, sink, Math.max(0, q.capacityLeft), 0);
  });
  const free = participants.map(() => true);
  for (;;) {
    const dist = out.map((_, v) => (v < first && free[v] === true ? 0 : Infinity));
    const via = out.map(() => -1);
    for (let round = 0, changed = true; changed && round <= sink; round++) {
      changed = false;
      out.forEach((arcs, u) => {
        for (const a of arcs) {
          const v = to[a] ?? 0;
          if (u === sink || (cap[a] ?? 0) <= 0 || (dist[u] ?? Infinity) + (cost[a] ?? 0) >= (dist[v] ?? Infinity)) continue;
          dist[v] = (dist[u] ?? 0) + (cost[a] ?? 0);
          via[v] = a;
          changed = true;
        }
      });
    }
    if (dist[sink] === Infinity) break;
    let v = sink;
    for (let a = via[v] ?? -1; a !== -1; a = via[v] ?? -1) {
      cap[a] = (cap[a] ?? 0) - 1;
      cap[a ^ 1] = (cap[a ^ 1] ?? 0) + 1;
      v = to[a ^ 1] ?? 0;
    }
    free[v] = false;
  }
  const flowCost = -cost.reduce((sum, w, a) => (w < 0 && a % 2 === 0 ? sum + w * (cap[a + 1] ?? 0) : sum), 0);
  const count = Math.floor(flowCost / 1_000_000);
  return { count, total: flowCost - count * 1_000_000 };
}
