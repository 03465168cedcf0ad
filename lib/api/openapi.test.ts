import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaErrors } from "@/lib/testing/openapi";
import { openApiDocument } from "./openapi";

const root = path.join(process.cwd(), "app", "api", "v1");

/** Every route.ts under app/api/v1 as an OpenAPI path (`[id]` → `{id}`) with its exported methods. */
function routeFiles(dir = root): { path: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    // The catch-all ([...rest]) answers unknown paths with a 404 problem; it is not part of the API.
    if (d.isDirectory()) return d.name.startsWith("[...") ? [] : routeFiles(full);
    if (d.name !== "route.ts") return [];
    const rel = path.relative(root, path.dirname(full)).split(path.sep).filter(Boolean);
    const source = fs.readFileSync(full, "utf8");
    // The methods a route serves; the ones it refuses (`export const { PUT, … } = otherMethods(…)`) do not count.
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    return [{ path: "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/"), methods }];
  });
}

const documented = openApiDocument.paths as Record<string, Record<string, unknown>>;

describe("OpenAPI document", () => {
  it("describes every route under app/api/v1 and nothing else", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(files.map((f) => f.path).sort()).toEqual(Object.keys(documented).sort());
  });

  it("describes exactly the methods each route file exports", () => {
    for (const f of routeFiles()) {
      expect(f.methods.length, f.path).toBeGreaterThan(0);
      expect(Object.keys(documented[f.path] ?? {}).sort(), f.path).toEqual([...f.methods].sort());
    }
  });

  it("documents partners, pairs and meetings (issue 4)", () => {
    const methods = (p: string) => Object.keys(documented[p] ?? {}).sort();
    expect(methods("/partners")).toEqual(["get"]);
    expect(methods("/partners/{id}")).toEqual(["get", "patch"]);
    expect(methods("/partners/{id}/decision")).toEqual(["post"]);
    expect(methods("/cohorts/{id}/pairs")).toEqual(["get", "post"]);
    expect(methods("/cohorts/{id}/pairing-proposal")).toEqual(["get", "post"]);
    expect(methods("/pairs/{id}/end")).toEqual(["post"]);
    expect(methods("/pairs/{id}/change")).toEqual(["post"]);
    expect(methods("/pairs/{id}/meetings")).toEqual(["get", "post"]);
    expect(methods("/meetings/{id}/response")).toEqual(["post"]);
    expect(methods("/me/pairs")).toEqual(["get"]);
    const signUp = openApiDocument.components.schemas.SignUpRequest;
    expect(signUp.properties).toHaveProperty("languages");
    expect(signUp.properties).toHaveProperty("region");
    expect(signUp.required).not.toContain("languages");
  });

  it("lets every operation with a body refuse it, and every authenticated one answer 401", () => {
    for (const [p, ops] of Object.entries(documented)) {
      for (const [method, op] of Object.entries(ops as Record<string, { requestBody?: object; security?: object[]; responses: Record<string, unknown> }>)) {
        const codes = Object.keys(op.responses);
        if (op.requestBody) expect(codes, `${method} ${p}`).toEqual(expect.arrayContaining(["400", "413", "415", "422"]));
        if (!op.security?.some((s) => Object.keys(s).length === 0)) expect(codes, `${method} ${p}`).toContain("401");
      }
    }
  });

  it("checks responses against its schemas (the helper the API tests use)", () => {
    const meeting = { id: "x", pairId: "y", startsAt: "2027-03-01T09:00:00.000Z", durationMinutes: 60, mode: "online", notes: "", status: "logged", loggedBySide: "partner", loggedByName: "A", respondedAt: null, disputeComment: null, awaitingMe: false };
    expect(schemaErrors(meeting, "Meeting")).toEqual([]);
    expect(schemaErrors({ ...meeting, secret: 1 }, "Meeting")).toEqual(["$.secret: not documented"]);
    const { notes: _, ...withoutNotes } = meeting;
    expect(schemaErrors({ ...withoutNotes, mode: "phone", startsAt: "1 March" }, "Meeting").sort()).toEqual(['$.mode: "phone" not in enum', "$.notes: missing", "$.startsAt: not an instant"]);
  });

  it("is OpenAPI 3.1 with the bearer scheme and a Problem schema with field errors", () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    expect(openApiDocument.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(openApiDocument.components.schemas.Problem.properties.errors.additionalProperties).toEqual({ type: "array", items: { type: "string" } });
  });

  it("has no dangling $ref and gives every operation a unique operationId and responses", () => {
    const json = JSON.stringify(openApiDocument);
    for (const [, kind, name] of json.matchAll(/"#\/components\/(schemas|responses)\/([A-Za-z]+)"/g)) {
      expect((openApiDocument.components as Record<string, Record<string, unknown>>)[kind!]![name!], `${kind}/${name}`).toBeDefined();
    }
    const ids = Object.values(documented).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const ops of Object.values(documented)) for (const op of Object.values(ops)) expect(Object.keys((op as { responses: object }).responses).length).toBeGreaterThan(0);
  });

  it("is served at /api/v1/openapi.json", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
