import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeError, logUnexpected } from "./log-error";

/** What node-postgres throws for a unique violation, wrapped as drizzle wraps it. */
function uniqueViolation(): DrizzleQueryError {
  const pg = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
    code: "23505",
    constraint: "users_email_unique",
    table: "users",
    detail: "Key (email)=(jan.jansen@example.org) already exists.",
  });
  return new DrizzleQueryError('insert into "users" ("email", "name") values ($1, $2)', ["jan.jansen@example.org", "Jan Jansen"], pg);
}

afterEach(() => vi.restoreAllMocks());

describe("logging unexpected database errors", () => {
  it("names PostgreSQL's code, message, constraint and detail behind drizzle's 'Failed query', without the parameters", () => {
    const line = describeError(uniqueViolation());
    expect(line).toContain("code=23505");
    expect(line).toContain('message="duplicate key value violates unique constraint \\"…\\""');
    expect(line).toContain("constraint=users_email_unique");
    expect(line).toContain("table=users");
    expect(line).toContain('detail="Key (email)=(…) already exists."');
    expect(line).toContain('insert into "users"');
    expect(line).not.toContain("jan.jansen@example.org");
    expect(line).not.toContain("Jan Jansen");
  });

  it("writes that line from the API's problem handler, from server actions and at start", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const { problemFor } = await import("@/lib/api/http");
    const { failureOf } = await import("@/lib/actions");
    const res = problemFor(uniqueViolation(), new Request("http://localhost:3999/api/v1/cohorts/x/enrollments", { method: "POST" }));
    expect(res.status).toBe(500);
    expect(failureOf(uniqueViolation())).toEqual({ ok: false, error: "generic" });
    logUnexpected("[koppel] start failed:", uniqueViolation());
    expect(logged).toHaveLength(3);
    for (const line of logged) {
      expect(line).toContain("code=23505");
      expect(line).toContain("constraint=users_email_unique");
      expect(line).not.toContain("jan.jansen@example.org");
    }
    expect(logged[0]).toMatch(/^\[api\] unexpected error on POST \/api\/v1\/cohorts\/x\/enrollments:/);
    expect(logged[1]).toMatch(/^\[action\] unexpected error:/);
  });

  it("keeps a plain error's message and stack", () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    logUnexpected("[x]", new TypeError("boom"));
    expect(logged[0]).toMatch(/^\[x\] TypeError: boom\n\s+at /);
  });
});
