import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_URL, PROD_URL } from "./support/servers";
import { signInAsDemo } from "./support/session";

/*
 * Malformed requests against the real servers (demo and production builds): what Next.js itself
 * parses before any of our code runs (percent-escapes in paths, form bodies of server actions) and
 * NUL in query strings. Never a 5xx, never a stack trace: a 400, or the 404 page, or a problem
 * document under /api.
 */

const STACK = /\n\s+at |node_modules|\.(?:js|ts):\d+|Internal Server Error/;

async function expectNoServerError(res: APIResponse, what: string) {
  expect(res.status(), what).toBeLessThan(500);
  expect(await res.text(), what).not.toMatch(STACK);
}

async function expectProblem(res: APIResponse, status: number, what: string) {
  expect(res.status(), what).toBe(status);
  expect(res.headers()["content-type"], what).toBe("application/problem+json");
  expect(await res.json(), what).toMatchObject({ type: "about:blank", title: expect.any(String), status });
}

/** A multipart body cut off in the middle of its only part. */
const truncated = '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"';

async function brokenFormPosts(request: APIRequestContext, url: string, actionId = "garbage") {
  const posts: [string, Record<string, string>, string][] = [
    ["multipart without a boundary", { "content-type": "multipart/form-data" }, "x"],
    ["multipart with a boundary the body lacks", { "content-type": "multipart/form-data; boundary=xyz" }, "no parts here"],
    ["truncated multipart", { "content-type": "multipart/form-data; boundary=xyz" }, truncated],
    ["truncated multipart to an action", { "content-type": "multipart/form-data; boundary=xyz", "next-action": actionId }, truncated],
    ["action arguments that are not JSON", { "content-type": "text/plain;charset=UTF-8", "next-action": actionId }, "garbage{"],
    ["an action id that is garbage", { "content-type": "text/plain;charset=UTF-8", "next-action": "garbage\u00ff" }, "[]"],
  ];
  for (const [what, headers, data] of posts) {
    const res = await request.post(url, { headers, data, maxRedirects: 0 });
    await expectNoServerError(res, `${what} to ${url}`);
    expect(res.status(), `${what} to ${url}`).toBeGreaterThanOrEqual(400);
  }
}

for (const [server, base] of [
  ["demo", DEMO_URL],
  ["production", PROD_URL],
] as const) {
  test.describe(`malformed requests (${server} server)`, () => {
    test("a path whose percent-escapes do not decode leads to the page-not-found page in its language", async ({ request }) => {
      for (const [path, title] of [
        ["/nl/programmes/%ZZ", "Pagina niet gevonden"],
        ["/en/%ZZ", "Page not found"],
        ["/en/programmes/%E0%A4%A", "Page not found"],
        ["/%E0%A4%A", "Pagina niet gevonden"],
        ["/en/%ZZ.png", "Page not found"],
        ["/dev/%ZZ", "Pagina niet gevonden"],
      ] as const) {
        const res = await request.get(`${base}${path}`);
        await expectNoServerError(res, path);
        expect(res.status(), path).toBe(404);
        expect(res.headers()["content-type"], path).toMatch(/^text\/html/);
        expect(await res.text(), path).toContain(title);
      }
    });

    test("under /api a path that does not decode is a 400 problem, and an unknown path or method a 404 or 405 problem", async ({ request }) => {
      for (const path of ["/api/v1/cohorts/%ZZ", "/api/v1/cohorts/%E0%A4%A/enrollments", "/api/v1/nothing/%ZZ"]) {
        await expectProblem(await request.get(`${base}${path}`), 400, path);
      }
      for (const [method, path] of [
        ["GET", "/api/v1/nothing"],
        ["POST", "/api/v1/cohorts/x/y/z"],
        ["DELETE", "/api/v1/v2/cohorts"],
        ["GET", "/api/v1/cohorts/00000000-0000-0000-0000-000000000000"],
      ] as const) {
        await expectProblem(await request.fetch(`${base}${path}`, { method }), 404, `${method} ${path}`);
      }
      const wrongMethod = await request.fetch(`${base}/api/v1/cohorts`, { method: "DELETE" });
      await expectProblem(wrongMethod, 405, "DELETE /api/v1/cohorts");
      expect(wrongMethod.headers()["allow"]).toContain("GET");
    });

    test("NUL in a query string, a garbage session cookie or a body on GET is no server error", async ({ request }) => {
      for (const path of ["/nl/programmes?page=%00", "/en?x=a%00b", "/en/sign-in?error=%00", "/en/partners/register?organisation=%00", "/nl/programmes/%00", "/en/programmes/00000000-0000-0000-0000-000000000000/confirm?token=%00"]) {
        await expectNoServerError(await request.get(`${base}${path}`), path);
      }
      const api = await request.get(`${base}/api/v1/cohorts?page=%00&q=%00`);
      await expectProblem(api, 422, "NUL in an API query");
      expect((await api.json()) as unknown).toMatchObject({ errors: { page: ["invalidCharacter"] } });
      const cookie = await request.get(`${base}/api/v1/me/enrollments`, { headers: { cookie: "authjs.session-token=%ZZ%00; __Secure-authjs.session-token=\u00ff" } });
      await expectProblem(cookie, 401, "garbage session cookie");
      await expectNoServerError(await request.get(`${base}/en`, { headers: { cookie: "authjs.session-token=%ZZ; NEXT_LOCALE=%00" } }), "garbage cookies on a page");
      const getWithBody = await request.fetch(`${base}/api/v1/cohorts`, { method: "GET", headers: { "content-type": "application/json" }, data: '{"toString":' });
      expect(getWithBody.status()).toBe(200);
    });

    test("a broken form body posted to a page is a 400, not a 500", async ({ request }) => {
      await brokenFormPosts(request, `${base}/en/sign-in`);
      await brokenFormPosts(request, `${base}/nl/partners/register`);
    });
  });
}

test("signed in: NUL in the coordinator's search parameters finds nothing instead of failing, and a broken body to a real action is a 400", async ({ page }) => {
  await signInAsDemo(page, "coordinator");
  const request = page.request;
  const cohorts = (await (await request.get(`${DEMO_URL}/api/v1/cohorts?pageSize=100`)).json()) as { items: { id: string }[] };
  const cohortId = cohorts.items[0]!.id;
  for (const path of [
    "/en/coordinator/partners?q=%00&status=%00&kind=%00",
    `/en/coordinator/cohorts/${cohortId}/applications?q=a%00&area=%00&status=%00&sort=%00&page=%00`,
    `/en/coordinator/cohorts/${cohortId}/pairing?q=%00&page=%00&e=%00`,
    `/en/coordinator/cohorts/${cohortId}/pairs?ended=%00`,
  ]) {
    const res = await request.get(`${DEMO_URL}${path}`);
    await expectNoServerError(res, path);
    expect([200, 404], path).toContain(res.status());
  }
  // Signed-in pages carry real server actions (sign out, switch organisation) in their forms.
  const start = await (await request.get(`${DEMO_URL}/en/start`)).text();
  const actionId = /\$ACTION_ID_([0-9a-f]{40,})/.exec(start)?.[1];
  expect(actionId, "a server action id on the start page").toBeTruthy();
  await brokenFormPosts(request, `${DEMO_URL}/en/start`, actionId);
  // Still signed in: no broken body ran the sign-out action.
  await page.goto("/en/start");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

// Known gap inside Next.js/React, not ours to fix: a server action call with a real action id whose
// body is well-formed JSON but not a valid React reply (a reference to a part that is not there,
// `["$Q999"]`, or `"$h"`) makes React's decodeReply reject ("Connection closed.") inside Next's
// action handler, which answers 500 with an error row carrying only a digest (no stack, no
// message). Checking the Flight reply format in the proxy would mean re-implementing React's
// decoder. test.fail() keeps the assertion: when Next answers this with a 4xx, this test fails and
// the mark must go.
test("signed in: a server action body that is JSON but no valid React reply is no server error", async ({ page }) => {
  test.fail();
  await signInAsDemo(page, "coordinator");
  const start = await (await page.request.get(`${DEMO_URL}/en/start`)).text();
  const actionId = /\$ACTION_ID_([0-9a-f]{40,})/.exec(start)![1]!;
  const res = await page.request.post(`${DEMO_URL}/en/start`, { headers: { "content-type": "text/plain;charset=UTF-8", "next-action": actionId }, data: '["$Q999"]', maxRedirects: 0 });
  await expectNoServerError(res, "a reply referring to a missing part");
});
