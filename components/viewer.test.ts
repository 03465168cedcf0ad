import { describe, expect, it } from "vitest";
import commonEn from "../messages/en.json";
import commonNl from "../messages/nl.json";
import commonZh from "../messages/zh-CN.json";
import en from "../messages/enrollment/en.json";
import nl from "../messages/enrollment/nl.json";
import zh from "../messages/enrollment/zh-CN.json";
import { fill } from "./viewer";

// The islands of cached public pages get their texts as raw templates and fill them in themselves.
describe("fill", () => {
  it("fills every placeholder of a message template", () => {
    expect(fill(en.catalogue.closes, { countdown: "in 3 days", when: "Friday 12:00 Asia/Shanghai" })).toBe(
      "Closes in 3 days, on Friday 12:00 Asia/Shanghai",
    );
    expect(fill(zh.catalogue.zoneYours, { zone: "Asia/Shanghai" })).toBe("时间按您所在的时区（Asia/Shanghai）显示。");
  });

  it("leaves a placeholder it has no value for as it is", () => {
    expect(fill("Signed in as {name}", {})).toBe("Signed in as {name}");
  });

  it("is given only templates with plain placeholders (no plural or select), in every language", () => {
    const templates = [en, nl, zh].flatMap((m) => [m.catalogue.closes, m.catalogue.closed, m.catalogue.zoneYours]);
    templates.push(...[commonEn, commonNl, commonZh].map((m) => m.common.signedInAs));
    for (const t of templates) expect(t.replace(/\{\w+\}/g, ""), t).not.toMatch(/[{}]/);
  });
});
