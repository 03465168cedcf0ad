import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { handle, readJson, readQuery } from "./http";

const schema = z.strictObject({ name: z.string({ error: "required" }).min(1, { error: "required" }), age: z.number({ error: "number" }).optional() });

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/v1/things?x=1", { method: "POST", body, headers });

/** Runs readJson inside handle() and returns the response (and its JSON). */
async function run(req: Request, opts?: Parameters<typeof readJson>[2]) {
  const res = await handle(async (r) => Response.json(await readJson(r, schema, opts)))(req, undefined);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

describe("readJson", () => {
  it("parses a valid JSON body", async () => {
    const { res, body } = await run(post(JSON.stringify({ name: "Anna", age: 40 })));
    expect(res.status).toBe(200);
    expect(body).toEqual({ name: "Anna", age: 40 });
  });

  it("accepts application/json with a UTF-8 charset and +json types", async () => {
    expect((await run(post('{"name":"a"}', { "content-type": "application/json; charset=UTF-8" }))).res.status).toBe(200);
    expect((await run(post('{"name":"a"}', { "content-type": "application/merge-patch+json" }))).res.status).toBe(200);
  });

  it("refuses other content types with 415", async () => {
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, { "content-type": "application/json; charset=latin1" }, {} as Record<string, string>]) {
      const { res, body } = await run(post('{"name":"a"}', headers));
      expect(res.status).toBe(415);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(body).toMatchObject({ type: "about:blank", title: "Unsupported Media Type", status: 415, instance: "/api/v1/things", code: "unsupportedMediaType" });
    }
  });

  it("refuses a body whose content-length is too large with 413, before reading it", async () => {
    const req = post(JSON.stringify({ name: "x".repeat(100) }), { "content-type": "application/json", "content-length": "100000" });
    const { res, body } = await run(req, { maxBytes: 64 });
    expect(res.status).toBe(413);
    expect(body.code).toBe("tooLarge");
  });

  it("counts the bytes actually sent, whatever content-length says", async () => {
    const big = JSON.stringify({ name: "x".repeat(70 * 1024) });
    // A streamed body has no content-length at all.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.slice(i, i + 1000));
        c.close();
      },
    });
    const req = new Request("http://localhost/x", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect((await run(req)).res.status).toBe(413);
    // And a lying content-length does not help.
    const lying = new Request("http://localhost/x", { method: "POST", body: big, headers: { "content-type": "application/json", "content-length": "10" } });
    expect((await run(lying)).res.status).toBe(413);
    // Exactly the limit is fine.
    const exact = JSON.stringify({ name: "y".repeat(64 * 1024 - 11) });
    expect(new TextEncoder().encode(exact).length).toBe(64 * 1024);
    expect((await run(post(exact))).res.status).toBe(200);
  });

  it("refuses bytes that are not JSON with 400", async () => {
    for (const bad of ['{"name":', "", "nope", new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const { res, body } = await run(post(bad));
      expect(res.status).toBe(400);
      expect(body.code).toBe("malformedJson");
      expect(body.detail).not.toMatch(/\n\s+at /);
    }
  });

  it("answers schema failures and unknown fields with 422, field errors as message keys and an English detail", async () => {
    const { res, body } = await run(post(JSON.stringify({ age: "old", admin: true, extra: 1 })));
    expect(res.status).toBe(422);
    expect(body).toMatchObject({
      status: 422,
      code: "validation",
      errors: { name: ["required"], age: ["number"], admin: ["unknownField"], extra: ["unknownField"] },
    });
    expect(body.detail).toContain("name: This field is required.");
    expect(body.detail).toContain("admin: This field is not allowed.");
  });

  it("refuses fields named like Object.prototype members as unknown fields (was a 500: list.includes is not a function)", async () => {
    for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"]) {
      const { res, body } = await run(post(`{"name":"a","${key}":1}`));
      expect(res.status, key).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(body.errors, key).toEqual(JSON.parse(`{"${key}":["unknownField"]}`));
    }
    // Nested, and as the name of a field that is itself wrong.
    const nested = z.strictObject({ toString: z.strictObject({ a: z.string() }) });
    const res = await handle(async (r) => Response.json(await readJson(r, nested)))(post('{"toString":{"valueOf":1}}'), undefined);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: unknown }).errors).toEqual({ "toString.a": ["required"], "toString.valueOf": ["unknownField"] });
  });

  it("answers a body that is not an object with 422 on _body", async () => {
    const { res, body } = await run(post("[1,2]"));
    expect(res.status).toBe(422);
    expect(body.errors).toEqual({ _body: ["invalid"] });
  });

  it("counts an absent body as {} only when allowed", async () => {
    const empty = z.strictObject({ reason: z.string().default("") });
    const res = await handle(async (r) => Response.json(await readJson(r, empty, { allowEmpty: true })))(new Request("http://localhost/x", { method: "POST" }), undefined);
    expect(await res.json()).toEqual({ reason: "" });
    expect((await run(new Request("http://localhost/x", { method: "POST" }))).res.status).toBe(415);
  });
});

describe("readQuery", () => {
  const query = z.object({ q: z.string().optional(), page: z.coerce.number().default(1) });
  const get = async (qs: string) => {
    const res = await handle((r) => Promise.resolve(Response.json(readQuery(r, query))))(new Request(`http://localhost/api/v1/things?${qs}`), undefined);
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it("refuses a parameter holding NUL with a 422 naming it, whatever its name (PostgreSQL cannot store NUL: it was a 500)", async () => {
    for (const [qs, name] of [["q=a%00b", "q"], ["page=%00", "page"], ["other=%00", "other"], ["q%00=1", "q\u0000"], ["toString=%00", "toString"]] as const) {
      const { res, body } = await get(qs);
      expect(res.status, qs).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(body, qs).toMatchObject({ status: 422, code: "validation", errors: { [name]: ["invalidCharacter"] } });
      expect(body.detail).toMatch(/query string/);
    }
  });

  it("reads ordinary parameters, also ones named like Object.prototype members", async () => {
    expect((await get("q=wonen&page=2")).body).toEqual({ q: "wonen", page: 2 });
    expect((await get("toString=1&__proto__=2&q=x")).body).toEqual({ q: "x", page: 1 });
  });
});

describe("handle", () => {
  const thrower = (err: unknown) =>
    handle(() => {
      throw err;
    });
  const call = async (err: unknown) => {
    const res = await thrower(err)(new Request("http://localhost/api/v1/cohorts/abc"), undefined);
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it("maps DAL errors to problems with the message key as code", async () => {
    expect((await call(new NotFoundError())).body).toMatchObject({ status: 404, title: "Not Found", code: "notFound", instance: "/api/v1/cohorts/abc" });
    expect((await call(new ForbiddenError())).body).toMatchObject({ status: 403, code: "forbidden" });
    const unauth = await call(new UnauthenticatedError());
    expect(unauth.res.status).toBe(401);
    expect(unauth.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const conflict = await call(new ConflictError("alreadySignedUp", "email"));
    expect(conflict.res.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: "alreadySignedUp", errors: { email: ["alreadySignedUp"] } });
    expect(conflict.body.detail).toMatch(/already signed up/);
    expect((await call(new ConflictError("signUpClosed"))).body).not.toHaveProperty("errors");
  });

  it("maps a ZodError to 422", async () => {
    const err = z.strictObject({ a: z.string({ error: "required" }) }).safeParse({}).error;
    const { res, body } = await call(err);
    expect(res.status).toBe(422);
    expect(body.errors).toEqual({ a: ["required"] });
  });

  it("answers anything else with a 500 that shows no stack or message, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { res, body } = await call(new Error('relation "users" does not exist at /work/main/db/client.ts:12'));
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(body)).not.toMatch(/relation|client\.ts|\bat\b.*:\d+/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("passes a normal response through", async () => {
    const res = await handle(() => Promise.resolve(new Response("ok")))(new Request("http://localhost/"), undefined);
    expect(await res.text()).toBe("ok");
  });
});
