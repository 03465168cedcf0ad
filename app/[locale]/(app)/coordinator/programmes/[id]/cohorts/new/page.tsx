import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getProgramme } from "@/lib/dal/programmes";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { timeZoneOptions } from "@/lib/time";
import { CohortForm } from "../../../../_components/cohort-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("newCohort") };
}

export default async function NewCohortPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "coordinator" });
  const programme = await guard(getProgramme(await getCurrentActor(), id), locale);
  return (
    <>
      <p>
        <LocaleLink locale={locale} href={`/coordinator/programmes/${programme.id}`}>← {programme.name}</LocaleLink>
      </p>
      <h1>
        {t("newCohort")}: {programme.name}
      </h1>
      <CohortForm programmeId={programme.id} timeZones={timeZoneOptions()} />
    </>
  );
}
