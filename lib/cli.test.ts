import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, organisations, sessions, users, verificationTokens } from "@/db/schema";
import { mayUserSignIn } from "@/lib/dal/auth";
import { seedAndLoadActors } from "@/lib/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { runCli } from "./cli";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedAndLoadActors(t.db);
});
afterAll(async () => t.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  const result = { code, out: out.join("\n"), err: err.join("\n") };
  // Whatever happens, the operator never gets a stack trace.
  expect(result.err).not.toMatch(/\n\s+at /);
  return result;
}

const LINK = /^http:\/\/localhost:3999\/api\/auth\/callback\/nodemailer\?\S+$/m;

describe("npm run cli", () => {
  it("help prints the usage on stdout", async () => {
    const r = await cli("help");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("create-org --name");
  });

  it("refuses a missing or unknown command with the usage on stderr (exit 2)", async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain("No command given.");
    expect(none.err).toContain("Usage: npm run cli");
    const unknown = await cli("drop-everything");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "drop-everything"');
  });

  it("create-org makes the organisation, its admin and a sign-in link", async () => {
    const r = await cli(
      "create-org",
      "--name",
      "Gemeente Zwolle",
      "--slug",
      "gemeente-zwolle",
      "--admin-email",
      " Beheer@Zwolle.example.org ",
      "--admin-name",
      "Zara Zwolsman",
      "--locale",
      "en",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, "gemeente-zwolle"));
    expect(org?.name).toBe("Gemeente Zwolle");
    expect(r.out).toContain(org!.id);
    const [user] = await t.db.select().from(users).where(eq(users.email, "beheer@zwolle.example.org"));
    expect(user).toMatchObject({ name: "Zara Zwolsman", locale: "en", disabledAt: null });
    const rows = await t.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(rows.map((m) => [m.organisationId, m.role])).toEqual([[org!.id, "admin"]]);

    const link = new URL(LINK.exec(r.out)![0]);
    expect(link.searchParams.get("email")).toBe("beheer@zwolle.example.org");
    expect(link.searchParams.get("callbackUrl")).toBe("http://localhost:3999/en/start");
    const tokens = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "beheer@zwolle.example.org"));
    expect(tokens).toHaveLength(1);
  });

  it("create-org refuses a slug that is taken (exit 1) and changes nothing", async () => {
    const r = await cli("create-org", "--name", "Ander Zwolle", "--slug", "gemeente-zwolle", "--admin-email", "ander@example.org");
    expect(r.code).toBe(1);
    expect(r.err).toContain('An organisation with slug "gemeente-zwolle" exists');
    expect(r.out).toBe("");
    expect(await t.db.select().from(organisations).where(eq(organisations.slug, "gemeente-zwolle"))).toHaveLength(1);
    expect(await t.db.select().from(users).where(eq(users.email, "ander@example.org"))).toHaveLength(0);
  });

  it.each([
    ["a missing --name", ["--slug", "x", "--admin-email", "a@example.org"], "Missing --name."],
    ["an empty --name", ["--name", "  ", "--slug", "x", "--admin-email", "a@example.org"], "Missing --name."],
    ["a missing --admin-email", ["--name", "X", "--slug", "x"], "Missing --admin-email."],
    ["a bad slug", ["--name", "X", "--slug", "Gemeente Zwolle", "--admin-email", "a@example.org"], "--slug must be"],
    ["two addresses", ["--name", "X", "--slug", "x", "--admin-email", "a@example.org,b@example.org"], "--admin-email must be one email address"],
    ["an unknown locale", ["--name", "X", "--slug", "x", "--admin-email", "a@example.org", "--locale", "de"], "--locale must be one of nl, en, zh-CN"],
    ["an unknown option", ["--name", "X", "--slug", "x", "--admin-email", "a@example.org", "--force"], "Unknown option '--force'"],
    ["an option without its value", ["--slug", "x", "--admin-email", "a@example.org", "--name"], "'--name <value>' argument missing"],
    ["a stray word", ["--name", "X", "--slug", "x", "--admin-email", "a@example.org", "extra"], "extra"],
  ])("create-org refuses %s with the usage (exit 2)", async (_label, args, message) => {
    const before = (await t.db.select().from(organisations)).length;
    const r = await cli("create-org", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain("Usage: npm run cli");
    expect((await t.db.select().from(organisations)).length).toBe(before);
  });

  it("sign-in-link prints a link for a known user and refuses an unknown one (exit 1)", async () => {
    const known = await cli("sign-in-link", "--email", "PARTICIPANT@example.org");
    expect(known.code).toBe(0);
    expect(known.out).toMatch(LINK);
    expect(new URL(known.out).searchParams.get("email")).toBe("participant@example.org");

    const unknown = await cli("sign-in-link", "--email", "nobody@example.org");
    expect(unknown).toMatchObject({ code: 1, out: "" });
    expect(unknown.err).toBe("No enabled user with address nobody@example.org");

    const missing = await cli("sign-in-link");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Missing --email.");
  });

  it("disable-user ends the sessions and blocks sign-in; enable-user lifts it", async () => {
    const [partner] = await t.db.select().from(users).where(eq(users.email, "partner@example.org"));
    await t.db.insert(sessions).values([
      { sessionToken: "cli-test-1", userId: partner!.id, expires: new Date(Date.now() + 3600_000) },
      { sessionToken: "cli-test-2", userId: partner!.id, expires: new Date(Date.now() + 3600_000) },
    ]);

    const r = await cli("disable-user", "--email", "partner@example.org");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Disabled partner@example.org");
    expect(await mayUserSignIn("partner@example.org")).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, partner!.id))).toEqual([]);
    expect((await cli("sign-in-link", "--email", "partner@example.org")).code).toBe(1);

    expect((await cli("enable-user", "--email", "partner@example.org")).code).toBe(0);
    expect(await mayUserSignIn("partner@example.org")).toBe(true);
    expect((await cli("sign-in-link", "--email", "partner@example.org")).code).toBe(0);
  });

  it("disable-user and enable-user refuse an unknown address (exit 1)", async () => {
    for (const command of ["disable-user", "enable-user"]) {
      const r = await cli(command, "--email", "nobody@example.org");
      expect(r.code).toBe(1);
      expect(r.err).toBe("No user with address nobody@example.org");
    }
  });
});

// A child process starts tsx and a fresh PGlite: slow on a busy machine, hence the long timeout.
describe("scripts/cli.ts as a process", { timeout: 120_000 }, () => {
  const run = promisify(execFile);
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "koppel-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function spawnCli(...argv: string[]) {
    // The embedded database in a folder of its own, as on an operator's machine.
    const environment: NodeJS.ProcessEnv = { ...process.env, KOPPEL_DATA_DIR: dir };
    delete environment.DATABASE_URL;
    delete environment.AUTH_SECRET;
    try {
      const { stdout, stderr } = await run(tsx, ["scripts/cli.ts", ...argv], { env: environment, timeout: 110_000 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout: string; stderr: string; killed?: boolean };
      if (e.killed || typeof e.code !== "number") throw err;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it("creates an organisation on a fresh embedded database, prints the link and exits", async () => {
    const r = await spawnCli("create-org", "--name", "Gemeente Zwolle", "--slug", "gemeente-zwolle", "--admin-email", "admin@zwolle.example.org");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/localhost:\d+\/api\/auth\/callback\/nodemailer\?/m);
    // Demo mode: the secret the app will use to check the link is kept beside the database.
    expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(dir, "pglite.pid"))).toBe(false);

    const again = await spawnCli("create-org", "--name", "Gemeente Zwolle", "--slug", "gemeente-zwolle", "--admin-email", "admin@zwolle.example.org");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists");
  });

  it("refuses to open the embedded database while the app holds it (exit 1, no stack trace)", async () => {
    // This test process stands in for the running app: a live pid in the lock file.
    fs.writeFileSync(path.join(dir, "pglite.pid"), String(process.pid));
    try {
      const r = await spawnCli("sign-in-link", "--email", "admin@zwolle.example.org");
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`in use by process ${process.pid}`);
      expect(r.stderr).toContain("stop the app");
      expect(r.stderr).toContain("DATABASE_URL");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(path.join(dir, "pglite.pid"), { force: true });
    }
  });

  it("reports bad usage with exit code 2 before touching the database", async () => {
    const r = await spawnCli("sign-in-link", "--email", "a@example.org; b@example.org");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--email must be one email address");
  });
});

describe("npm run cli: API tokens", () => {
  it("create-token prints a token once that authenticates as the user; revoke-token ends it", async () => {
    const { actorFromApiToken } = await import("@/lib/dal/api-tokens");
    const { apiTokens } = await import("@/db/schema");
    const made = await cli("create-token", "--email", " Participant@Example.org ", "--name", "HR-portaal");
    expect(made.code).toBe(0);
    const token = /^kpl_[A-Za-z0-9_-]{43}$/m.exec(made.out)?.[0];
    expect(token).toBeDefined();
    expect((await actorFromApiToken(token!))?.email).toBe("participant@example.org");
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.prefix, token!.slice(0, 8)));
    expect(row?.tokenHash).not.toBe(token);

    const wrongUser = await cli("revoke-token", "--email", "coordinator@example.org", "--token-prefix", token!.slice(0, 8));
    expect(wrongUser.code).toBe(1);
    expect(await actorFromApiToken(token!)).not.toBeNull();

    const revoked = await cli("revoke-token", "--email", "participant@example.org", "--token-prefix", token!.slice(0, 8));
    expect(revoked).toMatchObject({ code: 0, err: "" });
    expect(revoked.out).toContain("Revoked");
    expect(await actorFromApiToken(token!)).toBeNull();
  });

  it("refuses unknown people and missing options", async () => {
    expect((await cli("create-token", "--email", "nobody@example.org", "--name", "x")).code).toBe(1);
    const missing = await cli("create-token", "--email", "participant@example.org");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Missing --name.");
    expect((await cli("revoke-token", "--email", "participant@example.org")).code).toBe(2);
    expect((await cli("help")).out).toContain("create-token --email");
  });
});
