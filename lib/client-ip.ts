import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Set by scripts/server.mjs in this process: the header in which it puts the socket's address. */
const PEER_KEY = Symbol.for("koppel.peerHeader");

/**
 * The client's address from the request's hops, for rate limits. `forwardedFor` is the
 * X-Forwarded-For header (each proxy appends the address it received the request from; anything
 * to the left of what our own proxies wrote is whatever the client sent), `peer` the address of
 * the socket. With `trustedProxies` proxies in front of the app, the client is the entry that
 * many places from the right of [...forwardedFor, peer]; with 0 it is the socket itself. When the
 * list is shorter than that (a request that came round the proxies), the leftmost entry counts.
 */
export function pickClientIp(forwardedFor: string | null | undefined, peer: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  const p = normalise(peer ?? "");
  if (p) hops.push(p);
  if (hops.length === 0) return "unknown";
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}

/** Trims an entry and writes an IPv4 address that arrived over IPv6 (`::ffff:1.2.3.4`) as IPv4. */
function normalise(entry: string): string {
  const e = entry.trim().toLowerCase();
  return e.startsWith("::ffff:") && e.includes(".") ? e.slice(7) : e;
}

/**
 * The network address of the person behind the current request (see pickClientIp). The socket's
 * address comes from scripts/server.mjs (`npm start`); under plain `next start` or `next dev`,
 * which fill X-Forwarded-For from the socket only when it is missing, the last entry stands in.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const peerHeader = (globalThis as { [PEER_KEY]?: string })[PEER_KEY];
  return pickClientIp(h.get("x-forwarded-for"), peerHeader ? h.get(peerHeader) : null, env().TRUSTED_PROXIES);
}
