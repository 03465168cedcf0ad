import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentActor } from "@/lib/dal/session";
import { listMyPartners } from "@/lib/dal/start";
import { guard } from "@/lib/guard";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partner" }))("title") };
}

export default async function PartnerStart({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "partner" });
  const partners = await guard(listMyPartners(await getCurrentActor()), locale);
  return (
    <>
      <h1>{t("title")}</h1>
      {partners.length === 0 && <p>{t("noPartner")}</p>}
      {partners.map((p) => (
        <section key={p.id} className="card" aria-labelledby={`partner-${p.id}`}>
          <h2 id={`partner-${p.id}`}>{p.name}</h2>
          <p className="meta">
            {t(`kinds.${p.kind}`)} · {p.organisationName}
          </p>
          <h3>{t("helpRequest")}</h3>
          <p>{p.helpRequest}</p>
        </section>
      ))}
    </>
  );
}
