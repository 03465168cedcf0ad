import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { currentOrganisation, COORDINATING } from "@/lib/dal/actor";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { ProgrammeForm } from "../../_components/programme-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "coordinator" }))("newProgramme") };
}

export default async function NewProgrammePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await getCurrentActor();
  await guard(Promise.resolve().then(() => currentOrganisation(actor, COORDINATING)), locale);
  const t = await getTranslations({ locale, namespace: "coordinator" });
  return (
    <>
      <h1>{t("newProgramme")}</h1>
      <ProgrammeForm />
    </>
  );
}
