// `node scripts/js-budget.mjs`: first-load JavaScript (gzip) of every page of the last `next build`,
// from its manifests: the framework's root chunks plus every chunk the page's segments (layouts,
// error and not-found boundaries, the page) load at start. Exits 1 when a participant-facing page
// is over the budget; `--json` prints the figures instead. e2e/js-budget.spec.ts runs it after the
// e2e build.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const BUDGET_KB = 150;

/**
 * Participant-facing pages still over the budget, with the most they may weigh until they are
 * brought under it (issue 9: their forms ship zod, react-hook-form and next-intl's client runtime).
 * A page here may only get lighter; a page not here must stay within BUDGET_KB.
 */
export const KNOWN_OVER = {
  "/[locale]/(public)/partners/register": 205,
  "/[locale]/(public)/programmes/[cohortId]": 205,
  "/[locale]/(app)/partner/initiatives/[id]/edit": 205,
  "/[locale]/(app)/pairs/[id]": 205,
  "/[locale]/(app)/settings": 205,
  "/[locale]/(app)/participant/applications/[id]": 205,
};

/** The most `route` may weigh (kB gzip), or null when it has no budget (coordinators' pages). */
export const limitFor = (route) => (isParticipantFacing(route) ? (KNOWN_OVER[route] ?? BUDGET_KB) : null);

/** Pages people taking part see: everything but the coordinators' and admins' areas. */
export const isParticipantFacing = (route) => !/^\/\[locale\]\/\(app\)\/(coordinator|admin)(\/|$)/.test(route);

function findManifests(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findManifests(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** [{ route, kilobytes, files }] for every app page, largest first. */
export function measureFirstLoad(root = process.cwd()) {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8"));
  const gzipped = new Map();
  const sizeOf = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(path.join(next, file))).length);
    return gzipped.get(file);
  };
  const appDir = path.join(next, "server", "app");
  const results = [];
  for (const manifestFile of findManifests(appDir)) {
    const sandbox = { __RSC_MANIFEST: {} };
    new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(sandbox);
    for (const [page, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) {
      const files = new Set(build.rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const f of chunks) files.add(f);
      const bytes = [...files].filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + sizeOf(f), 0);
      results.push({ route: page.replace(/\/page$/, "") || "/", kilobytes: Math.round(bytes / 102.4) / 10, files: files.size });
    }
  }
  return results.sort((a, b) => b.kilobytes - a.kilobytes);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const results = measureFirstLoad();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ budget: BUDGET_KB, pages: results.map((r) => ({ ...r, limit: limitFor(r.route) })) }));
    process.exit(0);
  }
  let failed = 0;
  for (const r of results) {
    const limit = limitFor(r.route);
    const flag = limit === null ? "" : r.kilobytes > limit ? `  OVER ${limit} kB` : r.kilobytes > BUDGET_KB ? `  known over (may not exceed ${limit} kB)` : "";
    if (limit !== null && r.kilobytes > limit) failed++;
    console.log(`${r.kilobytes.toFixed(1).padStart(6)} kB  ${limit === null ? "coordinator" : "participant"}  ${r.route}${flag}`);
  }
  console.log(`budget: ${BUDGET_KB} kB (gzip) for participant-facing pages; ${Object.keys(KNOWN_OVER).length} known over; ${failed} failing`);
  process.exit(failed ? 1 : 0);
}
