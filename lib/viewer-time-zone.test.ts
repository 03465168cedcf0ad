import { describe, expect, it } from "vitest";
import { resolveViewerTimeZone } from "./viewer-time-zone";

describe("the viewer's time zone", () => {
  it("prefers the signed-in person's own zone over the browser's", () => {
    expect(resolveViewerTimeZone("Asia/Bishkek", "Europe/Amsterdam")).toEqual({ zone: "Asia/Bishkek", cookie: "Europe/Amsterdam", fromCookie: false });
  });

  it("uses the zone the browser reported when nobody is signed in", () => {
    expect(resolveViewerTimeZone(null, "Asia/Shanghai")).toEqual({ zone: "Asia/Shanghai", cookie: "Asia/Shanghai", fromCookie: true });
  });

  it("falls back to nothing (the cohort's own zone) without a usable zone", () => {
    expect(resolveViewerTimeZone(undefined, undefined)).toEqual({ zone: null, cookie: null, fromCookie: false });
    expect(resolveViewerTimeZone(null, "Mars/Olympus_Mons")).toEqual({ zone: null, cookie: "Mars/Olympus_Mons", fromCookie: false });
    expect(resolveViewerTimeZone(null, "<script>")).toMatchObject({ zone: null });
  });

  it("ignores an invalid personal zone and falls through to the browser's", () => {
    expect(resolveViewerTimeZone("Nowhere/Special", "Asia/Shanghai")).toMatchObject({ zone: "Asia/Shanghai", fromCookie: true });
  });
});
