import { describe, expect, it } from "vitest";
import { formText, searchParam } from "./form-data";

describe("searchParam", () => {
  it("takes the first value and drops NUL, which PostgreSQL cannot search for (the coordinator lists answered 500)", () => {
    expect(searchParam("wonen\u0000")).toBe("wonen");
    expect(searchParam(["\u0000a\u0000", "b"])).toBe("a");
    expect(searchParam(undefined)).toBe("");
    expect(searchParam([])).toBe("");
  });
});

describe("formText", () => {
  it("reads fields named like Object.prototype members as the fields they are", () => {
    const form = new FormData();
    form.set("constructor", "x");
    expect(formText(form, "constructor")).toBe("x");
    expect(formText(form, "toString")).toBe("");
    expect(formText(null, "reason")).toBe("");
  });
});
