import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/dal/actor";
import { createApiToken } from "@/lib/dal/api-tokens";
import { logMeeting } from "@/lib/dal/meetings";
import { pairParticipant } from "@/lib/dal/pairs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { pairingFixture } from "@/lib/testing/pairing";
import { openApiDocument } from "./openapi";

// Route handlers that change what public pages show revalidate them (lib/public-pages.ts); there is no Next.js cache here.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * Property-based fuzzing of every operation in /api/v1/openapi.json, called in-process the way
 * Next calls the route handlers. Requests are derived from the document (its paths, parameters
 * and body schemas) and then broken: wrong types, missing and extra fields, keys named like
 * Object.prototype members, huge and NUL-containing strings, malformed ids and percent-encoding,
 * wrong content types, broken JSON. Whoever calls (nobody, a coordinator, a participant, a
 * partner, a garbage token), the answer is never a 5xx and every 4xx is an RFC 9457 problem.
 *
 * The seed is fixed (FUZZ_SEED overrides it, FUZZ_RUNS the cases per operation), so a failure
 * reproduces; it is printed with every failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

type Schema = Record<string, unknown>;
type Handler = (req: Request, ctx: unknown) => Promise<Response> | Response;
type Operation = { parameters?: Schema[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const components = openApiDocument.components.schemas as unknown as Record<string, Schema>;
const paths = openApiDocument.paths as unknown as Record<string, Record<string, Operation>>;

// Every route module under app/api/v1, keyed by its OpenAPI path (`[id]` → `{id}`).
const modules = import.meta.glob<Record<string, Handler>>("/app/api/v1/**/route.ts");
const routeOf = (p: string) => modules[`/app/api/v1${p.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`];

const BUILT_IN_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__"];

/** Strings a careless parser or database chokes on. */
const nastyString = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "%00", "%ZZ", "%E0%A4%A", "\ud800", "😀", "null", "true", "0", "-1", "1e400", "NaN", "' OR 1=1 --", "<script>", "../..", "Europe/Amsterdam\u0000", "2027-02-30", "9999-12-31T23:59:59Z"),
  fc.constantFrom(...BUILT_IN_KEYS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.integer({ min: 200, max: 5000 }).map((n) => "x".repeat(n)),
  fc.constant("y".repeat(70 * 1024)),
);

const nastyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308));

/** Any JSON value: the wrong type for almost every field. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    nastyNumber,
    nastyString,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...BUILT_IN_KEYS), fc.string({ maxLength: 8 })), tie("v"), { maxKeys: 3 }),
  ),
})).v;

const resolve = (s: Schema): Schema => (typeof s.$ref === "string" ? resolve(components[s.$ref.replace("#/components/schemas/", "")] ?? {}) : s);

/** A value shaped like the schema, but with any part possibly wrong, missing, extra or nasty. */
function fromSchema(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  return fc.oneof({ weight: 5, arbitrary: shaped(s, depth) }, { weight: 1, arbitrary: anyJson });
}

function shaped(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(s.oneOf)) return fc.oneof(...(s.oneOf as Schema[]).map((o) => fromSchema(o, depth + 1)));
  if (Array.isArray(s.allOf)) return fromSchema({ ...(s.allOf as Schema[]).reduce((a, b) => ({ ...a, ...resolve(b) }), {}) }, depth + 1);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.oneof(fc.constantFrom(...(s.enum as unknown[])), nastyString);
  switch (s.type) {
    case "string":
      if (s.format === "uuid") return fc.oneof(fc.uuid(), malformedId);
      if (s.format === "date") return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), nastyString);
      if (s.format === "date-time") return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), nastyString);
      return fc.oneof(fc.string({ maxLength: 30 }), nastyString);
    case "integer":
    case "number":
      return fc.oneof(fc.integer({ min: -5, max: 300 }), nastyNumber);
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 3 ? fc.constant([]) : fc.array(fromSchema((s.items as Schema) ?? {}, depth + 1), { maxLength: 4 });
    case "object": {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      if (depth > 3) return fc.constant({});
      const known = fc.tuple(...props.map(([k, p]) => fc.option(fromSchema(p, depth + 1).map((v) => [k, v] as const), { freq: 5, nil: undefined })));
      const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...BUILT_IN_KEYS), fc.string({ maxLength: 10 })), anyJson), { maxLength: 2 });
      return fc.tuple(props.length ? known : fc.constant([]), extra).map(([k, e]) => Object.fromEntries([...(k as ([string, unknown] | undefined)[]).filter((x) => x !== undefined), ...e]));
    }
    default:
      return anyJson;
  }
}

/** Path ids that are not ids: malformed UUIDs, percent-encoding garbage, NUL, huge. */
const malformedId = fc.oneof(
  fc.constantFrom("%ZZ", "%E0%A4%A", "%", "%00", "\u0000", "00000000-0000-0000-0000-00000000000\u0000", "00000000-0000-0000-0000-000000000000", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "..", "constructor", "__proto__", "null", "undefined", "1"),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `${u}x`),
  fc.uuid().map((u) => u.replace(/-/g, "")),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constant("z".repeat(5000)),
);

interface Body {
  text?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

/** How the body travels: good JSON, broken JSON, other content types, nothing. */
const bodyFor = (schema: Schema | undefined): fc.Arbitrary<Body> => {
  const value = schema ? fromSchema(schema) : anyJson;
  const jsonType = fc.constantFrom("application/json", "application/json; charset=utf-8", "application/merge-patch+json", "application/json; charset=latin1", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/json;;;");
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => ({ text: JSON.stringify(v) ?? "", contentType: "application/json" })) },
    { weight: 2, arbitrary: fc.tuple(value, jsonType).map(([v, ct]) => ({ text: JSON.stringify(v) ?? "", contentType: ct || undefined })) },
    { weight: 1, arbitrary: fc.tuple(value, fc.nat()).map(([v, n]) => { const t = JSON.stringify(v) ?? ""; return { text: t.slice(0, t.length ? n % t.length : 0), contentType: "application/json" }; }) },
    { weight: 1, arbitrary: fc.constantFrom<Body>({}, { contentType: "application/json" }, { text: "", contentType: "application/json" }, { text: "null", contentType: "application/json" }, { text: '{"a":1,"a":2}', contentType: "application/json" }, { text: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), contentType: "application/json" }, { text: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", contentType: "multipart/form-data; boundary=x" }) },
  );
};

const queryFor = (params: Schema[]) => {
  const names = params.filter((p) => p.in === "query").map((p) => p.name as string);
  const value = fc.oneof(nastyString, fc.integer().map(String), fc.constantFrom("true", "false", "1", "arrival", "accepted"));
  const entry = fc.tuple(fc.oneof(...(names.length ? [fc.constantFrom(...names)] : []), fc.constantFrom(...BUILT_IN_KEYS), fc.string({ maxLength: 6 })), value);
  return fc.oneof(
    fc.array(entry, { maxLength: 4 }).map((es) => new URLSearchParams(es).toString()),
    // Raw, as a client might send it: malformed escapes and an escaped NUL.
    fc.constantFrom("q=%ZZ", "q=%00", "status=%E0%A4%A", "page=%00", "policyArea=a%00b", "%ZZ=1", "q=a&q=b", "pageSize=1e3", "__proto__[x]=1"),
  );
};

// A session cookie needs Next's request scope (next-auth), which only the real server has: e2e/malformed.spec.ts sends garbage cookies.
type Caller = "anonymous" | "coordinator" | "participant" | "partner" | "badToken" | "basic";
const callers = fc.constantFrom<Caller>("anonymous", "coordinator", "coordinator", "participant", "partner", "badToken", "basic");

let t: TestDatabase;
const tokens = {} as Record<"coordinator" | "participant" | "partner", string>;
/** Real ids of each kind, so cases get past the 404 and into the body. */
const ids = {} as Record<"cohorts" | "enrollments" | "partners" | "pairs" | "meetings", string>;

beforeAll(async () => {
  t = await createTestDatabase();
  const f = await pairingFixture(t.db);
  const cohortId = await f.newCohort();
  const p = await f.participant(cohortId);
  const q = await f.partner({}, { cohortId, capacity: 5 });
  const { pairId } = await pairParticipant(f.people.coordinator, cohortId, p.enrollmentId, q.partnerId);
  const { meetingId } = await logMeeting(q.owner, pairId, { startsAt: new Date(Date.now() - 7200_000), durationMinutes: 60, mode: "online", notes: "" });
  Object.assign(ids, { cohorts: cohortId, enrollments: p.enrollmentId, partners: q.partnerId, pairs: pairId, meetings: meetingId });
  const tokenFor = async (a: UserActor) => (await createApiToken(a, { name: "fuzz" })).token;
  tokens.coordinator = await tokenFor(f.people.coordinator);
  tokens.participant = await tokenFor(p.actor);
  tokens.partner = await tokenFor(q.owner);
}, 120_000);
afterAll(async () => t?.close());

interface Case {
  caller: Caller;
  id: { real: boolean; malformed: string };
  query: string;
  body: Body;
  extraHeaders: [string, string][];
}

function headersFor(c: Case, body: Body): Headers {
  const h = new Headers();
  if (c.caller === "coordinator" || c.caller === "participant" || c.caller === "partner") h.set("authorization", `Bearer ${tokens[c.caller]}`);
  if (c.caller === "badToken") h.set("authorization", "Bearer kpl_" + "A".repeat(43));
  if (c.caller === "basic") h.set("authorization", "Basic Zm9vOmJhcg==");
  if (body.contentType !== undefined) h.set("content-type", body.contentType);
  for (const [k, v] of c.extraHeaders) h.set(k, v);
  return h;
}

/** Builds and sends one case; returns what is wrong with the answer (nothing when fine). */
async function run(handler: Handler, method: string, path: string, c: Case): Promise<string | null> {
  const kind = path.split("/")[path.startsWith("/me/") ? 2 : 1] as keyof typeof ids;
  const id = c.id.real ? ids[kind] : c.id.malformed;
  // In the URL the id stays as the client typed it (raw percent garbage included); the handler gets it as Next would pass it.
  const urlPath = path.replace("{id}", /^[\x21-\x7e]*$/.test(id) ? id : encodeURIComponent(id));
  const url = `http://localhost:3999/api/v1${urlPath}${c.query ? `?${c.query}` : ""}`;
  const hasBody = method !== "GET" && c.body.text !== undefined;
  const req = new Request(url, { method, headers: headersFor(c, c.body), body: hasBody ? c.body.text : undefined });
  let res: Response;
  try {
    res = await handler(req, { params: Promise.resolve({ id }) });
  } catch (err) {
    return `threw ${String(err)}`;
  }
  const text = await res.text();
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 200)}`;
  if (res.status < 400) return null;
  if (res.headers.get("content-type") !== "application/problem+json") return `${res.status} with content-type ${res.headers.get("content-type")}`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `${res.status} with a body that is not JSON`;
  }
  if (typeof body.type !== "string" || typeof body.title !== "string" || body.status !== res.status) return `${res.status} problem lacks type/title/status: ${text.slice(0, 200)}`;
  return null;
}

const caseFor = (op: Operation): fc.Arbitrary<Case> =>
  fc.record({
    caller: callers,
    id: fc.record({ real: fc.boolean(), malformed: malformedId }),
    query: queryFor(op.parameters ?? []),
    body: bodyFor(op.requestBody?.content["application/json"]?.schema),
    extraHeaders: fc.array(
      fc.oneof(
        fc.constant<[string, string]>(["content-length", "99999999"]),
        fc.constant<[string, string]>(["sec-fetch-site", "cross-site"]),
        fc.constant<[string, string]>(["accept", "*/*;q=%ZZ"]),
        fc.constant<[string, string]>(["next-action", "garbage\u00ff"]),
        fc.constant<[string, string]>(["x-forwarded-for", "not-an-ip, ::1"]),
      ),
      { maxLength: 2 },
    ),
  });

/** Runs the cases of one operation and fails with the distinct problems found (and the seed). */
async function fuzz(handler: Handler, method: string, path: string, arb: fc.Arbitrary<Case>) {
  const failures = new Map<string, { count: number; example: Case }>();
  // The 500's log line names the cause; it goes into the failure's signature instead of the output.
  let logged = "";
  const quiet = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" ");
  });
  try {
    for (const c of fc.sample(arb, { seed: SEED, numRuns: RUNS })) {
      logged = "";
      const problem = await run(handler, method, path, c);
      if (!problem) continue;
      const cause = logged.replace(/^\[api\] unexpected error on \S+ \S+: /, "");
      const signature = (cause ? `${problem.slice(0, 4)}${cause}` : problem).slice(0, 160);
      const seen = failures.get(signature);
      if (seen) seen.count++;
      else failures.set(signature, { count: 1, example: c });
    }
  } finally {
    quiet.mockRestore();
  }
  const report = [...failures].map(([sig, { count, example }]) => `${count}× ${sig}\n    e.g. ${JSON.stringify(example).slice(0, 400)}`);
  expect(report, `${method} ${path}: ${report.length} kinds of failure (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`).toEqual([]);
}

/** One request to a route of the document, as a token's owner; the status and the problem's field errors. */
async function send(path: string, method: string, id: string, token: string, body?: unknown) {
  const handler = (await routeOf(path)!())[method]!;
  const url = `http://localhost:3999/api/v1${path.replace("{id}", id.split("?")[0]!)}${id.includes("?") ? `?${id.split("?")[1]}` : ""}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ id: id.split("?")[0] }) });
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as { errors?: Record<string, string[]> } };
}

describe("API v1: keys named like Object.prototype members", () => {
  it("are refused as unknown fields, __proto__ included, also in a PATCH", async () => {
    for (const key of ["__proto__", "constructor", "toString"]) {
      const res = await (await routeOf("/partners/{id}")!()).PATCH!(
        new Request(`http://localhost:3999/api/v1/partners/${ids.partners}`, { method: "PATCH", headers: { authorization: `Bearer ${tokens.coordinator}`, "content-type": "application/json" }, body: `{"${key}":{"name":"x"}}` }),
        { params: Promise.resolve({ id: ids.partners }) },
      );
      expect(res.status, key).toBe(422);
      expect(((await res.json()) as { errors: Record<string, string[]> }).errors, key).toEqual(JSON.parse(`{"${key}":["unknownField"]}`));
    }
  });
});

// Examples first (the fuzz below may end the pair): a NUL used to reach PostgreSQL, which refuses it in text (a 500).
describe("API v1: NUL in a JSON string or a query parameter", () => {
  it("is a 422 naming the field, before anything is stored or queried", async () => {
    const hoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    const cases = [
      ["/pairs/{id}/end", "POST", ids.pairs, tokens.coordinator, { reason: `klaar\u0000` }, "reason"],
      ["/pairs/{id}/meetings", "POST", ids.pairs, tokens.partner, { startsAt: hoursAgo, durationMinutes: 30, mode: "online", notes: "a\u0000b" }, "notes"],
      ["/meetings/{id}/response", "POST", ids.meetings, tokens.participant, { response: "dispute", comment: "\u0000" }, "comment"],
      ["/me/enrollments/{id}/withdraw", "POST", ids.enrollments, tokens.participant, { reason: "weg\u0000" }, "reason"],
      ["/partners/{id}", "PATCH", ids.partners, tokens.coordinator, { helpRequest: "Hulp\u0000" }, "helpRequest"],
      ["/cohorts/{id}/decisions", "POST", ids.cohorts, tokens.coordinator, { ids: [ids.enrollments], decision: "reject", reason: "\u0000" }, "reason"],
      ["/cohorts/{id}/enrollments", "GET", `${ids.cohorts}?q=a%00`, tokens.coordinator, undefined, "q"],
      ["/cohorts/{id}/enrollments", "GET", `${ids.cohorts}?policyArea=Wonen%00`, tokens.coordinator, undefined, "policyArea"],
      ["/partners", "GET", "?q=%00", tokens.coordinator, undefined, "q"],
    ] as const;
    for (const [path, method, id, token, body, field] of cases) {
      const r = await send(path, method, id, token, body);
      expect(r.status, `${method} ${path} ${field}`).toBe(422);
      expect(r.type).toBe("application/problem+json");
      expect(r.body.errors?.[field], `${method} ${path}`).toEqual(["invalidCharacter"]);
    }
  });
});

describe("API v1 fuzz: no 5xx, every 4xx a problem document", () => {
  const operations = Object.entries(paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ path: p, method: m.toUpperCase(), op })));

  it("covers every operation of the document with a route module", () => {
    expect(operations.length).toBeGreaterThanOrEqual(24);
    for (const o of operations) expect(routeOf(o.path), o.path).toBeDefined();
  });

  for (const { path, method, op } of operations) {
    it(`${method} ${path}`, async () => {
      const handler = (await routeOf(path)!())[method]!;
      expect(handler, `${method} ${path} is exported`).toBeTypeOf("function");
      await fuzz(handler, method, path, caseFor(op));
    });
  }
});

describe("API v1 fuzz: unknown paths", () => {
  it("answers any method on any path no route serves with a 404 problem document", async () => {
    const catchAll = await import("@/app/api/v1/[...rest]/route");
    const segment = fc.oneof(fc.constantFrom("cohorts", "v2", "%ZZ", "%E0%A4%A", "%00", "..", "__proto__", "constructor", "openapi.yaml"), fc.webSegment(), fc.string({ maxLength: 12 }).map(encodeURIComponent));
    const cases = fc.sample(fc.tuple(fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"), fc.array(segment, { minLength: 1, maxLength: 4 })), { seed: SEED, numRuns: RUNS });
    for (const [method, segments] of cases) {
      const handler = catchAll[method as keyof typeof catchAll] as Handler;
      const url = `http://localhost:3999/api/v1/nothing-here/${segments.join("/")}`;
      const res = await handler(new Request(url, { method }), { params: Promise.resolve({ rest: segments }) });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ type: "about:blank", title: "Not Found", status: 404, code: "notFound" });
      expect(body.instance).toBe(new URL(url).pathname);
    }
  });

  it("answers a method a documented path does not serve with a 405 problem naming the ones it does", async () => {
    for (const [p, ops] of Object.entries(paths)) {
      const documented = Object.keys(ops).map((m) => m.toUpperCase());
      const module = await routeOf(p)!();
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !documented.includes(m))) {
        const url = `http://localhost:3999/api/v1${p.replace("{id}", ids.cohorts)}`;
        const res = await module[method]!(new Request(url, { method }), { params: Promise.resolve({ id: ids.cohorts }) });
        expect(res.status, `${method} ${p}`).toBe(405);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.headers.get("allow")!.split(", "), `${method} ${p}`).toEqual(expect.arrayContaining(documented));
        expect(await res.json()).toMatchObject({ status: 405, title: "Method Not Allowed", code: "methodNotAllowed", instance: new URL(url).pathname });
      }
    }
  });
});
