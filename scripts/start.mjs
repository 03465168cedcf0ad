#!/usr/bin/env node
// `npm start`: builds Koppel when the build is missing or older than the sources, then serves it
// with scripts/server.mjs. The server itself applies migrations and seeds demo data at start
// (instrumentation.ts → lib/startup.ts).
import { buildIfStale } from "./build-if-stale.mjs";

buildIfStale();
await import("./server.mjs");
