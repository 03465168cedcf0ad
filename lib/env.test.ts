import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment", () => {
  it("needs nothing in demo mode", () => {
    expect(parseEnv({})).toMatchObject({ KOPPEL_ENV: "demo", PORT: 3000, KOPPEL_DATA_DIR: ".data", MAIL_WORKER: "inline" });
  });
  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });
  it("names every missing production setting in one message", () => {
    expect(() => parseEnv({ KOPPEL_ENV: "production" })).toThrow(/AUTH_SECRET[\s\S]*SMTP_URL[\s\S]*APP_URL/);
  });
  it("refuses malformed values with the variable's name", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ KOPPEL_ENV: "staging" })).toThrow(/KOPPEL_ENV/);
  });
  it("accepts a complete production configuration", () => {
    const e = parseEnv({
      KOPPEL_ENV: "production",
      DATABASE_URL: "postgres://koppel@db.example.org/koppel",
      AUTH_SECRET: "x".repeat(40),
      SMTP_URL: "smtp://mail.example.org:587",
      APP_URL: "https://koppel.example.org",
    });
    expect(e.KOPPEL_ENV).toBe("production");
  });
});
