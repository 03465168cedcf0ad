import { describe, expect, it } from "vitest";
import { localePath } from "./locale-link";

describe("localePath", () => {
  it("puts the locale in front, as next-intl's Link does with localePrefix 'always'", () => {
    expect(localePath("nl", "/")).toBe("/nl");
    expect(localePath("zh-CN", "/coordinator/partners/abc")).toBe("/zh-CN/coordinator/partners/abc");
  });
  it("writes a query object, leaving out undefined values", () => {
    expect(localePath("en", { pathname: "/coordinator/cohorts/1/pairing", query: { page: "2", q: undefined, pairedPage: 3 } })).toBe(
      "/en/coordinator/cohorts/1/pairing?page=2&pairedPage=3",
    );
    expect(localePath("en", { pathname: "/x", query: { q: "a b&c" } })).toBe("/en/x?q=a+b%26c");
  });
});
