#!/usr/bin/env node
// `npm start`: builds Koppel when the build is missing or older than the sources, then serves it.
// The server itself applies migrations and seeds demo data at start (see lib/startup.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

buildIfStale();

const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
console.log(`[koppel] starting on http://localhost:${port}`);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
