import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAsDemo } from "./support/session";

// Every CSP violation the browser reports, collected in the page before any of its scripts run.
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

function expectCommonHeaders(res: Response | null): Record<string, string> {
  expect(res, "a response").not.toBeNull();
  const h = res!.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  return h;
}

test("public pages carry the static policy and run without a CSP violation", async ({ page }) => {
  await watchCsp(page);
  const paths = ["/nl", "/en/privacy", "/en/accessibility", "/en/programmes", "/zh-CN/sign-in", "/en/partners/register"];
  // Twice: the second time the cached pages come from Next.js's cache, with the same headers.
  for (const path of [...paths, ...paths]) {
    const res = await page.goto(path);
    const h = expectCommonHeaders(res);
    expect(h["content-security-policy"], path).toContain("script-src 'self' 'unsafe-inline'");
    expect(h["content-security-policy"], path).not.toContain("nonce-");
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  for (const path of ["/nl", "/en/privacy", "/en/accessibility", "/en/programmes"]) {
    expect((await page.goto(path))?.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
  }
  // The language switch is client-side navigation: scripts must have loaded and run.
  await page.goto("/en");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl$/);
  expect(await violations(page)).toEqual([]);
});

test("signed-in pages get a fresh nonce with strict-dynamic, their scripts run, nothing is blocked", async ({ page }) => {
  await watchCsp(page);
  await signInAsDemo(page, "coordinator");
  const nonces = new Set<string>();
  for (const path of ["/en/coordinator", "/en/coordinator/partners", "/en/settings", "/en/coordinator"]) {
    const h = expectCommonHeaders(await page.goto(path));
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  expect(nonces.size, "a new nonce on every request").toBe(4);
  // Client components hydrated under the nonce policy: the organisation/locale controls work.
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/\/nl\/coordinator$/);
  expect(await violations(page)).toEqual([]);
});

test("an injected inline script without the nonce is blocked on a signed-in page", async ({ page }) => {
  await watchCsp(page);
  await signInAsDemo(page, "participant");
  await page.goto("/en/participant");
  // As an injected attribute would: an inline event handler carries no nonce.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.setAttribute("src", "data:,x");
    img.setAttribute("onerror", "window.__injected = true");
    img.setAttribute("alt", "");
    document.body.appendChild(img);
  });
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
  const ran = await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true);
  expect(ran).toBe(false);
  expect((await violations(page)).some((v) => v.startsWith("script-src"))).toBe(true);
});

test("the API and static files carry the headers too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const problem = await request.get("/api/v1/cohorts/not-a-uuid");
  expect(problem.headers()["x-content-type-options"]).toBe("nosniff");
});
