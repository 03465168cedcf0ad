import type { SeedInfo } from "./seed-large";

/** The demo accounts the bench can sign in as (POST /api/demo-sign-in `role`). */
export type BenchRole = "coordinator" | "participant" | "partner" | "admin";

export interface BenchRoute {
  /** Short name for the table and the JSON. */
  name: string;
  /** Path on the app, or a function of what the large seed created (ids, names). */
  path: string | ((seed: SeedInfo) => string);
  /** Sign in as this demo person and send their session cookie. */
  cookie?: BenchRole;
  /** Text every measured response body must contain (checked on each response). */
  contains?: (seed: SeedInfo) => string;
  /** The route every other route is compared with (exactly one). */
  baseline?: true;
  /**
   * Concurrent connections for this route (default 20). A whole-cohort proposal is a coordinator's
   * deliberate step, not a page many people load at once: a few at a time is the realistic load.
   */
  connections?: number;
}

/** The routes `npm run bench` measures, in order. Add a page by appending it here. */
export const ROUTES: BenchRoute[] = [
  { name: "health", path: "/api/health", baseline: true, contains: () => '"status":"ok"' },
  { name: "home", path: "/nl", contains: (s) => s.programmeNames[0] ?? "" },
  { name: "coordinator", path: "/nl/coordinator", cookie: "coordinator", contains: (s) => s.newestCohortName },
  { name: "catalogue", path: "/nl/programmes", contains: (s) => s.organisationName },
  { name: "privacy", path: "/nl/privacy", contains: () => "<h1" },
  { name: "cohort page", path: (s) => `/nl/programmes/${s.bigCohortId}`, contains: (s) => s.organisationName },
  {
    name: "applications (5,000)",
    path: (s) => `/nl/coordinator/cohorts/${s.bigCohortId}/applications`,
    cookie: "coordinator",
    contains: () => "Deelnemer 00001",
  },
  {
    name: "applications search",
    path: (s) => `/nl/coordinator/cohorts/${s.bigCohortId}/applications?q=zwolle&status=applied&sort=name&page=3`,
    cookie: "coordinator",
    contains: () => "Gemeente Zwolle",
  },
  {
    name: "pairing board (500 × 200)",
    path: (s) => `/nl/coordinator/cohorts/${s.pairingCohortId}/pairing`,
    cookie: "coordinator",
    contains: () => "Bench partner",
  },
  {
    name: "partners list (200)",
    path: "/nl/coordinator/partners",
    cookie: "coordinator",
    contains: () => "Bench partner 200",
  },
  {
    name: "proposal page (500 × 200)",
    path: (s) => `/nl/coordinator/cohorts/${s.pairingCohortId}/pairing/proposal`,
    cookie: "coordinator",
    connections: 4,
    contains: () => "Bench partner",
  },
  {
    name: "proposal API (500 × 200)",
    path: (s) => `/api/v1/cohorts/${s.pairingCohortId}/pairing-proposal`,
    cookie: "coordinator",
    connections: 4,
    contains: () => '"partnerId"',
  },
];
