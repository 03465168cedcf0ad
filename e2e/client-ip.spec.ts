import { expect, test, type Page } from "@playwright/test";
import { startOwnServer } from "./support/app-server";
import { mailsTo, waitForMail } from "./support/mail";
import { OWN_PORTS } from "./support/servers";

// The per-address-of-origin limit on sign-in links (20 requests in 15 minutes per network
// address) must hold against a made-up X-Forwarded-For, both when people reach the app directly
// and when it runs behind a proxy. Each case runs its own production server (scripts/server.mjs,
// as `npm start` serves it) so the shared servers' limits stay untouched.
test.describe.configure({ timeout: 240_000 });

const PER_IP = 20;

async function askForLink(page: Page, base: string, address: string, forwardedFor: string): Promise<void> {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": forwardedFor });
  await page.goto(`${base}/en/sign-in`);
  await page.getByLabel(/^Email address/).fill(address);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address belongs to an account");
}

/** No new mail arrives for `address` (the outbox worker sends within a second or two). */
async function expectNoNewMail(address: string, count: number): Promise<void> {
  await new Promise((r) => setTimeout(r, 4000));
  expect(await mailsTo(address)).toHaveLength(count);
}

test("without a proxy (TRUSTED_PROXIES=0), a made-up X-Forwarded-For does not escape the limit per address", async ({ page }) => {
  const admin = "admin@direct.example.org";
  const server = await startOwnServer({ port: OWN_PORTS[0], name: "direct", adminEmail: admin });
  try {
    await askForLink(page, server.url, admin, "198.51.100.1");
    await waitForMail(admin, /sign-in link/);
    for (let i = 2; i <= PER_IP; i++) await askForLink(page, server.url, `nobody-${i}@direct.example.org`, `198.51.100.${i}`);
    // Request 21 from the same socket, claiming yet another address: refused, so no mail.
    await askForLink(page, server.url, admin, "198.51.100.99");
    await expectNoNewMail(admin, 1);
  } finally {
    await server.stop();
  }
});

test("behind one proxy (TRUSTED_PROXIES=1), the address the proxy appended counts, not the client's own entries", async ({ page }) => {
  const admin = "admin@proxied.example.org";
  const server = await startOwnServer({ port: OWN_PORTS[1], name: "proxied", adminEmail: admin, env: { TRUSTED_PROXIES: "1" } });
  // The test plays the proxy: whatever the client wrote, it appends the address it saw.
  const client = "203.0.113.1";
  try {
    await askForLink(page, server.url, admin, `6.6.6.6, ${client}`);
    await waitForMail(admin, /sign-in link/);
    for (let i = 2; i <= PER_IP; i++) await askForLink(page, server.url, `nobody-${i}@proxied.example.org`, `6.6.6.${i}, ${client}`);
    await askForLink(page, server.url, admin, `7.7.7.7, ${client}`);
    await expectNoNewMail(admin, 1);
    // Another person behind the same proxy (same socket address) has a limit of their own.
    await askForLink(page, server.url, admin, "203.0.113.2");
    await expect.poll(async () => (await mailsTo(admin)).length, { timeout: 20_000 }).toBe(2);
  } finally {
    await server.stop();
  }
});
