import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/i18n/routing";
import { createDemoSession, DEMO_ACCOUNTS, type DemoRole } from "@/lib/dal/auth";
import { sessionCookie } from "@/lib/auth/secret";
import { appUrl, env } from "@/lib/env";
import { formText } from "@/lib/form-data";
import { problem } from "@/lib/problem";

/** Demo mode only: one-click sign-in as a demo person. In production this route does not exist. */
export async function POST(req: NextRequest): Promise<Response> {
  if (env().KOPPEL_ENV !== "demo") return problem(404, "Not Found");
  const form = await req.formData().catch(() => null);
  const role = formText(form, "role");
  const requested = formText(form, "locale");
  if (!(role in DEMO_ACCOUNTS)) return problem(422, "Unknown demo role", { detail: `role must be one of ${Object.keys(DEMO_ACCOUNTS).join(", ")}` });
  const locale = (routing.locales as readonly string[]).includes(requested) ? requested : routing.defaultLocale;
  const session = await createDemoSession(role as DemoRole);
  const res = NextResponse.redirect(`${appUrl()}/${locale}/start`, 303);
  const cookie = sessionCookie();
  res.cookies.set(cookie.name, session.token, { httpOnly: true, sameSite: "lax", path: "/", expires: session.expires, secure: cookie.secure });
  return res;
}

export function GET(): Response {
  return problem(env().KOPPEL_ENV === "demo" ? 405 : 404, env().KOPPEL_ENV === "demo" ? "Method Not Allowed" : "Not Found");
}
