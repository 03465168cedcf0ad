// Min-cost max-flow for the pairing engine, on typed arrays so a 500 × 200 cohort (100,000 arcs)
// stays in the low milliseconds per shortest-path search.
//
// Why successive shortest paths rather than the Hungarian algorithm over capacity slots: a partner
// with capacity c would become c identical columns (800 for a large cohort), and Hungarian's
// O(n² · columns) pays for every copy; in a flow network the capacity is one arc, the graph stays
// participants + partners + 2 nodes, and "pair as many as possible, then maximise the score" is
// exactly what min-cost MAX-flow returns. Costs must be non-negative integers, so the first
// potentials can be zero and Dijkstra with Johnson potentials (reduced costs stay ≥ 0) is exact.
//
// After each Dijkstra every s→t path made of zero-reduced-cost arcs is a shortest path, so the
// search augments along as many of them as it finds (a blocking flow, as in the primal-dual
// method) before it runs Dijkstra again: 41 Dijkstra runs for the 500 × 200 benchmark cohort
// instead of one per participant.

/** A directed graph with integer arc capacities and non-negative integer costs. */
export class FlowGraph {
  private readonly nodeCount: number;
  // Arcs as added (growing typed arrays); the residual graph is laid out from them on the first solve.
  private from: Int32Array = new Int32Array(64);
  private to: Int32Array = new Int32Array(64);
  private capacity: Int32Array = new Int32Array(64);
  private cost: Int32Array = new Int32Array(64);
  private arcCount = 0;
  private residual: Residual | null = null;

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount;
  }

  /** Adds an arc and returns its id, for flowOn. Arcs are tried in the order they are added. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.residual !== null) throw new Error("the flow was already solved");
    // Int32 storage: costs up to 2^30 leave room for the sums along a path.
    if (!Number.isInteger(cost) || cost < 0 || cost > 2 ** 30) throw new RangeError(`arc cost must be a non-negative integer, got ${String(cost)}`);
    const id = this.arcCount++;
    if (id === this.from.length) {
      const grow = (old: Int32Array): Int32Array => {
        const fresh = new Int32Array(old.length * 2);
        fresh.set(old);
        return fresh;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.capacity = grow(this.capacity);
      this.cost = grow(this.cost);
    }
    this.from[id] = from;
    this.to[id] = to;
    this.capacity[id] = capacity;
    this.cost[id] = cost;
    return id;
  }

  /** Units of flow on an arc returned by addArc (after minCostMaxFlow). */
  flowOn(arc: number): number {
    const r = this.residual;
    if (r === null) return 0;
    const slot = r.slotOfArc[arc] ?? 0;
    return r.cap[r.twin[slot] ?? 0] ?? 0;
  }

  /** Sends as much flow as possible from source to sink at the least total cost. */
  minCostMaxFlow(source: number, sink: number): { flow: number; cost: number; dijkstraRuns: number } {
    const r = (this.residual ??= layOut(this.nodeCount, this.arcCount, { from: this.from, to: this.to, capacity: this.capacity, cost: this.cost }));
    const potential = new Float64Array(this.nodeCount);
    const search = new Search(this.nodeCount, r.to.length);
    let flow = 0;
    let cost = 0;
    let dijkstraRuns = 0;
    for (;;) {
      dijkstraRuns++;
      if (!shortestDistances(r, potential, source, sink, search)) break;
      const pushed = blockingFlow(r, potential, source, sink, search);
      // A round after a successful Dijkstra always augments; guard the invariant, never spin.
      if (pushed.flow === 0) throw new Error("min-cost flow made no progress");
      flow += pushed.flow;
      cost += pushed.cost;
    }
    return { flow, cost, dijkstraRuns };
  }
}

/**
 * The residual graph in compressed rows: the arcs leaving node u are slots start[u]..start[u+1]−1,
 * contiguous in memory, which is what makes the many full scans cheap. twin[slot] is the
 * opposite arc (the forward arc's residual and vice versa).
 */
interface Residual {
  start: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  twin: Int32Array;
  slotOfArc: Int32Array;
}

function layOut(n: number, m: number, arcs: { from: Int32Array; to: Int32Array; capacity: Int32Array; cost: Int32Array }): Residual {
  const { from, to, capacity, cost } = arcs;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const u = (from[k] ?? 0) + 1;
    const v = (to[k] ?? 0) + 1;
    start[u] = (start[u] ?? 0) + 1;
    start[v] = (start[v] ?? 0) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, n);
  const r: Residual = {
    start, to: new Int32Array(2 * m), cap: new Int32Array(2 * m), cost: new Int32Array(2 * m), twin: new Int32Array(2 * m), slotOfArc: new Int32Array(m),
  };
  for (let k = 0; k < m; k++) {
    const u = from[k] ?? 0;
    const v = to[k] ?? 0;
    const forward = fill[u] ?? 0;
    const backward = fill[v] ?? 0;
    fill[u] = forward + 1;
    fill[v] = backward + 1;
    r.to[forward] = v;
    r.cap[forward] = capacity[k] ?? 0;
    r.cost[forward] = cost[k] ?? 0;
    r.to[backward] = u;
    r.cost[backward] = -(cost[k] ?? 0);
    r.twin[forward] = backward;
    r.twin[backward] = forward;
    r.slotOfArc[k] = forward;
  }
  return r;
}

/** Scratch arrays shared by the rounds, allocated once per solve. */
class Search {
  readonly dist: Float64Array;
  readonly settled: Uint8Array;
  readonly heap: MinHeap;
  readonly state: Uint8Array; // blocking flow: 0 fresh, 1 on the current path, 2 dead end
  readonly current: Int32Array; // next slot to try per node, so dead arcs are not rescanned
  readonly path: Int32Array;

  constructor(n: number, slots: number) {
    this.dist = new Float64Array(n);
    this.settled = new Uint8Array(n);
    this.heap = new MinHeap(slots + n);
    this.state = new Uint8Array(n);
    this.current = new Int32Array(n);
    this.path = new Int32Array(n);
  }
}

/**
 * Dijkstra on reduced costs cost + π(u) − π(v) ≥ 0, stopping once the sink is settled, then
 * raises the potentials. Nodes not settled get the sink's distance, which keeps every reduced
 * cost non-negative. Returns false when the sink cannot be reached (the flow is maximal).
 */
function shortestDistances(r: Residual, potential: Float64Array, source: number, sink: number, s: Search): boolean {
  const { start, to, cap, cost } = r;
  const { dist, settled, heap } = s;
  dist.fill(Infinity);
  settled.fill(0);
  heap.clear();
  dist[source] = 0;
  heap.push(0, source);
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    if (settled[u] === 1) continue;
    settled[u] = 1;
    if (u === sink) break;
    const base = d + (potential[u] ?? 0);
    const end = start[u + 1] ?? 0;
    for (let a = start[u] ?? 0; a < end; a++) {
      if ((cap[a] ?? 0) <= 0) continue;
      const v = to[a] ?? 0;
      const nd = base + (cost[a] ?? 0) - (potential[v] ?? 0);
      if (nd < (dist[v] ?? Infinity)) {
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
  }
  const reach = dist[sink] ?? Infinity;
  if (reach === Infinity) return false;
  for (let v = 0; v < potential.length; v++) potential[v] = (potential[v] ?? 0) + Math.min(dist[v] ?? Infinity, reach);
  return true;
}

/** Augments along zero-reduced-cost paths until none is left (all of them are shortest paths). */
function blockingFlow(r: Residual, potential: Float64Array, source: number, sink: number, s: Search): { flow: number; cost: number } {
  const { start, to, cap, cost, twin } = r;
  const { state, current, path } = s;
  state.fill(0);
  current.set(start.subarray(0, current.length));
  let flow = 0;
  let totalCost = 0;
  let depth = 0;
  let u = source;
  state[source] = 1;
  for (;;) {
    if (u === sink) {
      let push = Infinity;
      for (let i = 0; i < depth; i++) push = Math.min(push, cap[path[i] ?? 0] ?? 0);
      for (let i = 0; i < depth; i++) {
        const a = path[i] ?? 0;
        cap[a] = (cap[a] ?? 0) - push;
        const back = twin[a] ?? 0;
        cap[back] = (cap[back] ?? 0) + push;
        totalCost += push * (cost[a] ?? 0);
        state[to[a] ?? 0] = 0;
      }
      flow += push;
      depth = 0;
      u = source;
      continue;
    }
    const end = start[u + 1] ?? 0;
    const pu = potential[u] ?? 0;
    let a = current[u] ?? end;
    for (; a < end; a++) {
      const v = to[a] ?? 0;
      if ((cap[a] ?? 0) > 0 && state[v] === 0 && (cost[a] ?? 0) + pu - (potential[v] ?? 0) === 0) break;
    }
    current[u] = a;
    if (a < end) {
      const v = to[a] ?? 0;
      path[depth++] = a;
      state[v] = 1;
      u = v;
      continue;
    }
    state[u] = 2;
    if (u === source) break;
    // Back up one arc and skip it: it leads to a dead end for the rest of this round.
    const back = path[--depth] ?? 0;
    u = to[twin[back] ?? 0] ?? 0;
    current[u] = back + 1;
  }
  return { flow, cost: totalCost };
}

/** Binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.nodes = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0] ?? Infinity;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent] ?? 0;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      nodes[i] = nodes[parent] ?? 0;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes and returns the node with the smallest key (call only when size > 0). */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0] ?? 0;
    const last = --this.size;
    const key = keys[last] ?? 0;
    const node = nodes[last] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (keys[child + 1] ?? 0) < (keys[child] ?? 0)) child++;
      const childKey = keys[child] ?? 0;
      if (childKey >= key) break;
      keys[i] = childKey;
      nodes[i] = nodes[child] ?? 0;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
