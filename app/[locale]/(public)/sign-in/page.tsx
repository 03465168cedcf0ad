import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/dal/auth";
import { getCurrentActor } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "signIn" }))("title") };
}

const DEMO_ROLES = ["coordinator", "participant", "partner", "admin"] as const;
const DEMO_LABEL = { coordinator: "asCoordinator", participant: "asParticipant", partner: "asPartner", admin: "asAdmin" } as const;

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string; email?: string | string[]; callbackUrl?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const error = query.error;
  // A link from a mail (offer, decision, invitation…) names the address and where to go next.
  const email = typeof query.email === "string" ? query.email.slice(0, 320) : "";
  const callbackUrl = safeCallbackPath(typeof query.callbackUrl === "string" ? query.callbackUrl : null) ?? undefined;
  if (callbackUrl && email) {
    // Already signed in as that person: no new link needed.
    const actor = await getCurrentActor();
    if (actor && actor.email === email.trim().toLowerCase()) redirect(callbackUrl);
  }
  const t = await getTranslations({ locale, namespace: "signIn" });
  const e = env();
  const demo = e.KOPPEL_ENV === "demo";
  const errorKey = error === "Verification" ? "errorVerification" : error === "AccessDenied" ? "errorAccessDenied" : error ? "errorGeneric" : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {errorKey && (
        <div className="notice error" role="alert">
          {t(errorKey)}
        </div>
      )}
      <p className="lead">{t(email ? "leadFromMail" : "lead")}</p>
      <SignInForm email={email} callbackUrl={callbackUrl} />
      {demo && !e.SMTP_URL && (
        <p className="notice">
          {t("mailboxHint")} <a href="/dev/mailbox">{t("openMailbox")}</a>
        </p>
      )}
      {demo && (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title">{t("demoTitle")}</h2>
          <p>{t("demoLead")}</p>
          <div className="actions">
            {DEMO_ROLES.map((role) => (
              <form key={role} method="post" action="/api/demo-sign-in">
                <input type="hidden" name="role" value={role} />
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="secondary">
                  {t(DEMO_LABEL[role])}
                </button>
              </form>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
