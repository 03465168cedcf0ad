import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getSignUpConfirmation } from "@/lib/dal/sign-up-confirmation";
import styles from "../../_components/programmes.module.css";
import { confirmSignUpAction } from "./actions";

type Params = Promise<{ locale: string; cohortId: string }>;
type Search = Promise<{ token?: string | string[]; error?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "confirmSignUp" });
  // The token is in the address: never pass it on to another site, and keep the page out of search
  // engines. Not "no-referrer": a form POST would then carry `Origin: null`, which Next refuses.
  return { title: t("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

/**
 * The page the confirmation mail links to. Opening it changes nothing (mail scanners open links):
 * it shows what is being confirmed and a button; after confirming, the outcome and how to follow it.
 */
export default async function ConfirmSignUpPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, cohortId } = await params;
  setRequestLocale(locale);
  const search = await searchParams;
  const token = one(search.token);
  const error = one(search.error);
  const t = await getTranslations({ locale });
  const view = await getSignUpConfirmation(token, cohortId);
  const signUpAgain = (
    <p>
      <LocaleLink locale={locale} href={`/programmes/${cohortId}`}>{t("confirmSignUp.signUpAgain")}</LocaleLink>
    </p>
  );

  switch (view.state) {
    case "invalid":
      return (
        <>
          <h1>{t("confirmSignUp.invalidTitle")}</h1>
          <p className="notice">{t("confirmSignUp.invalid")}</p>
          {signUpAgain}
        </>
      );
    case "expired":
      return (
        <>
          <h1>{t("confirmSignUp.expiredTitle")}</h1>
          <p className="notice">{t("confirmSignUp.expired", { cohort: view.cohortName, programme: view.programmeName })}</p>
          {signUpAgain}
        </>
      );
    case "pending":
      return (
        <>
          <h1>{t("confirmSignUp.title")}</h1>
          {error && (
            <p className="notice" role="alert">
              {t(`errors.${error === "signUpClosed" ? "signUpClosed" : "generic"}`)}
            </p>
          )}
          <p>
            {t("confirmSignUp.pendingLead", {
              email: view.email,
              cohort: view.cohortName,
              programme: view.programmeName,
              organisation: view.organisationName,
            })}
          </p>
          <p>{view.admissionMode === "first_come" ? t("confirmSignUp.pendingFirstCome") : t("confirmSignUp.pendingReviewed")}</p>
          <form action={confirmSignUpAction}>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="locale" value={locale} />
            <button type="submit">{t("confirmSignUp.submit")}</button>
          </form>
          <p className="meta">{t("confirmSignUp.notYou")}</p>
        </>
      );
    case "confirmed": {
      const status = view.status;
      const explain =
        status === "waitlisted"
          ? t("myEnrollments.explain.waitlisted", { position: view.waitlistPosition ?? 0 })
          : status && status !== "offered"
            ? t(`myEnrollments.explain.${status}`)
            : null;
      return (
        <>
          <h1>{t("confirmSignUp.confirmedTitle")}</h1>
          <div className={styles.done} role="status">
            <p>{t("confirmSignUp.confirmedLead", { email: view.email, cohort: view.cohortName, programme: view.programmeName })}</p>
            {status && (
              <p>
                <strong>{t("confirmSignUp.status", { status: t(`myEnrollments.statuses.${status}`) })}</strong>
              </p>
            )}
            {explain && <p>{explain}</p>}
          </div>
          <p>{t("confirmSignUp.follow", { email: view.email })}</p>
          <p>
            <LocaleLink locale={locale} href="/sign-in">{t("confirmSignUp.signIn")}</LocaleLink>
          </p>
        </>
      );
    }
  }
}
