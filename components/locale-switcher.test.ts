import { describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";
import { LOCALE_COOKIE, SWITCHER_LOCALES } from "./locale-switcher";

describe("the locale switcher", () => {
  it("offers exactly the app's languages and remembers the choice in next-intl's cookie", () => {
    expect(Object.keys(SWITCHER_LOCALES)).toEqual([...routing.locales]);
    expect(routing.localeCookie).toMatchObject(LOCALE_COOKIE);
  });
});
