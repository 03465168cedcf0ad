#!/usr/bin/env node
// The production server: Next.js's request handler (the documented custom-server API) behind a
// plain Node HTTP server. It exists for one reason: `next start` only fills X-Forwarded-For from
// the socket when the header is missing, so the app could not tell the real network address from
// one a client made up. Here every request gets the socket's address in a private header
// (x-koppel-peer), always overwritten, so no client can supply it; lib/client-ip.ts combines it
// with X-Forwarded-For and TRUSTED_PROXIES. Serves the existing build (`npm start` builds first).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NODE_ENV = "production";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? "3000");
const PEER_HEADER = "x-koppel-peer";

// Tells lib/client-ip.ts (same process) that x-koppel-peer comes from this server, not a client.
globalThis[Symbol.for("koppel.peerHeader")] = PEER_HEADER;

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((err) => {
    console.error("[koppel] request failed:", err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, () => console.log(`[koppel] listening on http://localhost:${port}`));

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
