import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function fetchText(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { GET } = await import("./route");
  const res = GET();
  return { res, text: await res.text() };
}

describe("/.well-known/security.txt (RFC 9116)", () => {
  it("names the configured contact, an expiry a year ahead and its canonical address", async () => {
    const { res, text } = await fetchText({ APP_URL: "https://koppel.zwolle.nl", SECURITY_CONTACT: "mailto:cert@zwolle.nl" });
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text).toContain("Contact: mailto:cert@zwolle.nl\n");
    expect(text).toContain("Canonical: https://koppel.zwolle.nl/.well-known/security.txt\n");
    const expires = new Date(/^Expires: (.+)$/m.exec(text)![1]!);
    const days = (expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(363);
    expect(days).toBeLessThanOrEqual(365);
  });

  it("falls back to the security@ mailbox of the site's own domain", async () => {
    const { text } = await fetchText({ APP_URL: "https://koppel.example.nl", SECURITY_CONTACT: "" });
    expect(text).toContain("Contact: mailto:security@koppel.example.nl\n");
  });
});

describe("SECURITY_CONTACT", () => {
  it("refuses what is neither a mailto: address nor an https URL, naming the variable", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(() => parseEnv({ SECURITY_CONTACT: "http://example.org/report" })).toThrow(/SECURITY_CONTACT: must be a mailto: address or an https:\/\/ URL/);
    expect(parseEnv({ SECURITY_CONTACT: "https://example.org/.well-known/report" }).SECURITY_CONTACT).toBe("https://example.org/.well-known/report");
  });
});
