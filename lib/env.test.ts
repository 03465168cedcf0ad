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

  it("refuses a PostgreSQL database without an explicit KOPPEL_ENV, naming what to set", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://koppel@db.example.org/koppel", SMTP_URL: "smtp://mail.example.org", APP_URL: "https://koppel.example.org" })).toThrow(
      /KOPPEL_ENV: must be set when DATABASE_URL is set: KOPPEL_ENV=production .*KOPPEL_ENV=demo/,
    );
    expect(parseEnv({ DATABASE_URL: "postgres://koppel@db.example.org/koppel", KOPPEL_ENV: "demo" }).KOPPEL_ENV).toBe("demo");
    expect(parseEnv({ DATABASE_URL: "" }).KOPPEL_ENV).toBe("demo");
  });
  it("refuses a plain-http APP_URL in production unless it is this machine", () => {
    const prod = { KOPPEL_ENV: "production", AUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail.example.org:587" };
    expect(() => parseEnv({ ...prod, APP_URL: "http://koppel.example.org" })).toThrow(/APP_URL: must start with https:\/\/ when KOPPEL_ENV=production/);
    expect(() => parseEnv({ ...prod, APP_URL: "http://10.0.0.5:3000" })).toThrow(/APP_URL/);
    for (const local of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "https://koppel.example.org"]) {
      expect(parseEnv({ ...prod, APP_URL: local }).APP_URL).toBe(local);
    }
    expect(parseEnv({ APP_URL: "http://koppel.example.org" }).KOPPEL_ENV).toBe("demo");
  });
  it("reads TRUSTED_PROXIES as a hop count, 0 unless set", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe(1);
    expect(() => parseEnv({ TRUSTED_PROXIES: "-1" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "true" })).toThrow(/TRUSTED_PROXIES/);
  });
});
