import { describe, expect, it, vi } from "vitest";
import { routing } from "@/i18n/routing";
import { config } from "@/proxy";
import { SIGNED_IN_AREAS } from "./security-headers";

vi.mock("next-intl/middleware", () => ({ default: () => () => new Response() }));

// proxy.ts's matcher must be literal strings, so it repeats the locales and the signed-in areas.
describe("proxy matcher", () => {
  const sources = config.matcher.map((m) => (typeof m === "string" ? m : m.source));
  const alternatives = (pattern: string, name: string) => new RegExp(`:${name}\\(([^)]*)\\)`).exec(pattern)?.[1]?.split("|").sort();

  it("sends every signed-in area in every language through the proxy (for the CSP nonce)", () => {
    const signedIn = sources.find((s) => s.includes(":area("))!;
    expect(alternatives(signedIn, "locale")).toEqual([...routing.locales].sort());
    expect(alternatives(signedIn, "area")).toEqual([...SIGNED_IN_AREAS].sort());
  });

  it("leaves public pages with a language out, but not paths without one", () => {
    const noLocale = new RegExp(`^${sources[0]!}$`);
    for (const locale of routing.locales) {
      expect(noLocale.test(`/${locale}`)).toBe(false);
      expect(noLocale.test(`/${locale}/programmes`)).toBe(false);
    }
    expect(noLocale.test("/")).toBe(true);
    expect(noLocale.test("/programmes")).toBe(true);
    expect(noLocale.test("/english")).toBe(true);
    expect(noLocale.test("/api/health")).toBe(false);
  });
});
