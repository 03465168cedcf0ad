"use client";

import { useTranslations } from "next-intl";
import { useViewer } from "@/components/viewer";
import { Link } from "@/i18n/navigation";
import { SignUpForm, type SignUpFormProps } from "./sign-up-form.client";

/**
 * The per-person part of a cached cohort page: "you are enrolled already", or the sign-up form
 * (with the signed-in person's address filled in), or — when sign-up is not open — `children`.
 * Until the browser knows who is looking (and without JavaScript) it shows what a visitor who is
 * not signed in sees; the sign-up action itself decides with the session, whatever the page showed.
 */
export function SignUpSection({ open, form, children }: { open: boolean; form: Omit<SignUpFormProps, "account">; children: React.ReactNode }) {
  const t = useTranslations();
  const viewer = useViewer();
  const enrolled = viewer?.signedIn ? viewer.enrollments.find((e) => e.cohortId === form.cohortId) : undefined;
  if (enrolled) {
    return (
      <div className="notice">
        <p>{t("cohortPage.alreadyEnrolled", { status: t(`myEnrollments.statuses.${enrolled.status}` as "myEnrollments.statuses.applied") })}</p>
        <p>
          <Link href="/participant">{t("cohortPage.seeMyEnrollments")}</Link>
        </p>
      </div>
    );
  }
  if (!open) return children;
  const account = viewer?.signedIn ? { email: viewer.email, name: viewer.accountName } : null;
  return <SignUpForm {...form} account={account} />;
}
