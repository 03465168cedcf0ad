import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentActor } from "@/lib/dal/session";

const START: Record<string, string> = {
  admin: "coordinator",
  coordinator: "coordinator",
  participant: "participant",
  partner: "partner",
};

/** Sends each person to the start page of their role in their current organisation. */
export default async function StartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  if (actor.current) redirect(`/${locale}/${START[actor.current.role]}`);
  const t = await getTranslations({ locale, namespace: "start" });
  return (
    <>
      <h1>{t("title", { name: actor.name ?? actor.email })}</h1>
      <p>{t("noMembership")}</p>
    </>
  );
}
