import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const schema = z
  .object({
    // No default here: demo is the default only on the embedded database (see below).
    KOPPEL_ENV: z.enum(["demo", "production"]).optional(),
    DATABASE_URL: optionalUrl.refine((v) => !v || /^postgres(ql)?:\/\//.test(v), {
      message: "must start with postgres:// or postgresql://",
    }),
    KOPPEL_DATA_DIR: z.string().trim().min(1).default(".data"),
    APP_URL: optionalUrl,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SMTP_URL: optionalUrl.refine((v) => !v || /^smtps?:\/\//.test(v), { message: "must start with smtp:// or smtps://" }),
    MAIL_FROM: z.string().trim().min(3).default("Koppel <no-reply@koppel.example.org>"),
    MAIL_WORKER: z.enum(["inline", "off"]).default("inline"),
    MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
    DEMO_SEED: z.enum(["auto", "off"]).default("auto"),
    TRUSTED_PROXIES: z.coerce.number().int("must be a whole number of proxies").min(0).max(10).default(0),
    // Where to report a vulnerability (RFC 9116 /.well-known/security.txt): a mailto: or https: URI.
    SECURITY_CONTACT: z
      .string()
      .trim()
      .transform((v) => (v === "" ? undefined : v))
      .pipe(z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL").optional())
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.KOPPEL_ENV && env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["KOPPEL_ENV"],
        message:
          "must be set when DATABASE_URL is set: KOPPEL_ENV=production for real use, or KOPPEL_ENV=demo to put demo data, " +
          "one-click sign-in and the public /dev/mailbox on this database on purpose",
      });
    }
    if (env.KOPPEL_ENV !== "production") return;
    for (const key of ["AUTH_SECRET", "SMTP_URL", "APP_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when KOPPEL_ENV=production" });
    }
    if (env.APP_URL && !isSecureOrLocal(env.APP_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "must start with https:// when KOPPEL_ENV=production (http:// only for localhost, 127.0.0.1 or [::1])",
      });
    }
  })
  .transform((env) => ({ ...env, KOPPEL_ENV: env.KOPPEL_ENV ?? ("demo" as const) }));

/** https, or plain http on this machine only (sign-in cookies and links must not cross a network in clear). */
function isSecureOrLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === "https:") return true;
  return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
}

export type Env = z.infer<typeof schema>;

/** Parses a set of variables; throws one readable message that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new Error(`Koppel cannot start: the environment is not valid.\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The public base URL, used in links that leave the app (mail). */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

/** Where security reports go: SECURITY_CONTACT, else the security@ mailbox of APP_URL's domain (RFC 2142). */
export function securityContact(): string {
  return env().SECURITY_CONTACT ?? `mailto:security@${new URL(appUrl()).hostname}`;
}

export const isProduction = (): boolean => env().KOPPEL_ENV === "production";
export const isDemo = (): boolean => env().KOPPEL_ENV === "demo";
