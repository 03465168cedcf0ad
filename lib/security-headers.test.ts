import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSignedInPage, newNonce, nonceCsp, SIGNED_IN_AREAS, STATIC_CSP } from "./security-headers";

const LOCALES = ["nl", "en", "zh-CN"];

describe("security headers", () => {
  it("treats exactly the folders of app/[locale]/(app) as signed-in pages", () => {
    const dir = path.join(process.cwd(), "app", "[locale]", "(app)");
    const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect([...SIGNED_IN_AREAS].sort()).toEqual(folders.sort());
  });

  it("classifies paths with and without a locale", () => {
    expect(isSignedInPage("/nl/coordinator/cohorts/1", LOCALES)).toBe(true);
    expect(isSignedInPage("/zh-CN/settings", LOCALES)).toBe(true);
    expect(isSignedInPage("/participant", LOCALES)).toBe(true);
    expect(isSignedInPage("/en", LOCALES)).toBe(false);
    expect(isSignedInPage("/en/programmes/abc", LOCALES)).toBe(false);
    expect(isSignedInPage("/en/sign-in", LOCALES)).toBe(false);
    expect(isSignedInPage("/", LOCALES)).toBe(false);
  });

  it("gives signed-in pages a nonce and strict-dynamic without unsafe-inline scripts", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    const csp = nonceCsp(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
    for (const p of [csp, STATIC_CSP]) {
      expect(p).toContain("frame-ancestors 'none'");
      expect(p).toContain("object-src 'none'");
      expect(p).toContain("base-uri 'self'");
      expect(p).toContain("form-action 'self'");
    }
  });
});
