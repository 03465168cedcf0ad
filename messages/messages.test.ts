import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/request";

const dir = path.dirname(new URL(import.meta.url).pathname);
const LOCALES = ["nl", "en", "zh-CN"];
/** Namespaces every area may add keys to (SHARED_NAMESPACES in i18n/request.ts). */
const SHARED = ["errors"];
const files = (locale: string) => [path.join(dir, `${locale}.json`), ...fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name, `${locale}.json`))];

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function all(locale: string): { keys: string[]; namespaces: string[] } {
  const out: string[] = [];
  const namespaces: string[] = [];
  for (const f of files(locale)) {
    const json = JSON.parse(fs.readFileSync(f, "utf8")) as Record<string, unknown>;
    namespaces.push(...Object.keys(json));
    out.push(...keys(json));
  }
  return { keys: out.sort(), namespaces };
}

describe("messages", () => {
  it("has every key in Dutch, English and Simplified Chinese", () => {
    const en = all("en").keys;
    expect(en.length).toBeGreaterThan(100);
    for (const l of ["nl", "zh-CN"]) expect(all(l).keys).toEqual(en);
  });

  it("never defines one namespace in two files (they are merged shallowly), except the shared ones", () => {
    for (const l of LOCALES) {
      const ns = all(l).namespaces.filter((n) => !SHARED.includes(n));
      expect(ns.filter((n, i) => ns.indexOf(n) !== i)).toEqual([]);
    }
  });

  it("never defines one key of a shared namespace (errors) in two files", () => {
    for (const l of LOCALES) {
      const shared = all(l).keys.filter((k) => SHARED.some((n) => k.startsWith(`${n}.`)));
      expect(shared.filter((k, i) => shared.indexOf(k) !== i)).toEqual([]);
    }
  });

  it("has no empty texts", () => {
    for (const l of LOCALES) {
      for (const f of files(l)) expect(fs.readFileSync(f, "utf8")).not.toMatch(/:\s*""/);
    }
  });

  it("loads an area's error keys beside the shared ones", async () => {
    const messages = (await loadMessages("en")) as Record<string, Record<string, unknown>>;
    expect(messages.errors).toHaveProperty("required");
    expect(messages.errors).toHaveProperty("meetingInFuture");
  });
});
