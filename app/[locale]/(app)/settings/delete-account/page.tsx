import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { describeAccountDeletion } from "@/lib/dal/account-deletion";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { DeleteAccountForm } from "./_components/delete-account-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "deleteAccount" }))("title") };
}

const ERASED = ["identity", "signUps", "text", "access", "mail", "memberships"] as const;
const KEPT = ["enrollments", "pairs", "partners"] as const;
const YOURS = ["openEnrollments", "placesHeld", "activePairs", "partnersOwned", "apiTokens"] as const;

/** Says what deleting the account erases and keeps, for this person, before the confirmation form. */
export default async function DeleteAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "deleteAccount" });
  const tSettings = await getTranslations({ locale, namespace: "settings" });
  const actor = await getCurrentActor();
  const preview = await guard(describeAccountDeletion(actor), locale);
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/settings">← {tSettings("title")}</LocaleLink>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("erasedTitle")}</h2>
      <ul>
        {ERASED.map((k) => (
          <li key={k}>{t(`erased.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("keptTitle")}</h2>
      <ul>
        {KEPT.map((k) => (
          <li key={k}>{t(`kept.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("yoursTitle")}</h2>
      <ul>
        {YOURS.filter((k) => k === "openEnrollments" || preview[k] > 0).map((k) => (
          <li key={k}>{t(`yours.${k}`, { count: preview[k] })}</li>
        ))}
      </ul>
      {preview.lastAdminOf.length > 0 ? (
        <div className="notice error" role="alert">
          {t("lastAdmin", { organisations: list.format(preview.lastAdminOf) })}
        </div>
      ) : (
        <DeleteAccountForm email={preview.email} />
      )}
    </>
  );
}
