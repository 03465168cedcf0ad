#!/usr/bin/env node
// Builds Koppel (`next build`) when the build is missing or older than the sources, else does
// nothing. Used by `npm start` and by the end-to-end tests, so a second test run on another
// database (CI runs the tests on PostgreSQL and on PGlite) reuses the same build: the build
// reads no environment variable, all configuration is read at run time (lib/env.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "db", "lib", "emails", "messages", "i18n", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json"];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Whether `next build` must run: no build yet, or a source changed after it. */
export function needsBuild() {
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/** Runs `next build` when needed; exits the process when the build fails. */
export function buildIfStale(label = "[koppel]") {
  if (!needsBuild()) {
    console.log(`${label} the build is up to date`);
    return;
  }
  console.log(`${label} building (no build yet, or changed sources)…`);
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfStale();
