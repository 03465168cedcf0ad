import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listPartners } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import styles from "../_components/coordinator.module.css";
import { DoneNotice } from "../_components/done-notice";
import { pairWords } from "../_components/pair-words";
import { PartnerDecisionForm } from "./_components/partner-decision-form";
import { searchParam } from "@/lib/form-data";
import { DataTable } from "@/components/ui/data-table";

const STATUSES = ["pending", "approved", "declined"] as const;
const KINDS = ["initiative", "host", "coach"] as const;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => searchParam(v).trim();
const pick = <T extends string>(options: readonly T[], v: string): T | undefined => (options as readonly string[]).includes(v) ? (v as T) : undefined;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partnersAdmin" }))("title") };
}

export default async function PartnersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const query = { q: one(sp.q).slice(0, 200), status: pick(STATUSES, one(sp.status)), kind: pick(KINDS, one(sp.kind)) };
  const t = await getTranslations({ locale });
  const words = pairWords(t, locale);
  const actor = await getCurrentActor();
  const [partners, pending] = await guard(Promise.all([listPartners(actor, query), listPartners(actor, { status: "pending" })]), locale);
  const filtered = Boolean(query.q || query.status || query.kind);
  const done = one(sp.done);
  const donePartner = [...partners, ...pending].find((p) => p.id === one(sp.p));
  const unmatchedCount = partners.filter((p) => p.unmatchedAreas.length > 0).length;
  // Listed areas as words; areas on no list marked, with the way to map them on the partner's page.
  const Areas = ({ partner }: { partner: { id: string; policyAreas: string[]; unmatchedAreas: string[] } }) => (
    <>
      {(partner.unmatchedAreas.length === 0 || partner.policyAreas.length > partner.unmatchedAreas.length) && words.list(partner.policyAreas.filter((a) => !partner.unmatchedAreas.includes(a)))}
      {partner.unmatchedAreas.length > 0 && (
        <>
          {partner.policyAreas.length > partner.unmatchedAreas.length && " · "}
          <LocaleLink locale={locale} href={`/coordinator/partners/${partner.id}#areas`} className="badge">
            {t("partnersAdmin.unmatched.inList", { areas: partner.unmatchedAreas.join(", ") })}
          </LocaleLink>
        </>
      )}
    </>
  );

  return (
    <>
      <h1>{t("partnersAdmin.title")}</h1>
      <p className="meta">{actor?.current?.organisationName}</p>
      {(done === "approved" || done === "declined") && donePartner && <DoneNotice>{t(`partnersAdmin.done.${done}`, { name: donePartner.name })}</DoneNotice>}
      <p>{t("partnersAdmin.intro")}</p>
      <div className="actions">
        <LocaleLink locale={locale} className="button" href="/coordinator/partners/new">
          {t("partnersAdmin.invite")}
        </LocaleLink>
      </div>

      {pending.length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t("partnersAdmin.pendingTitle", { count: pending.length })}</h2>
          {pending.map((p) => (
            <article key={p.id} className={styles.bulk} aria-labelledby={`pending-${p.id}`}>
              <h3 id={`pending-${p.id}`}>
                <LocaleLink locale={locale} href={`/coordinator/partners/${p.id}`}>{p.name}</LocaleLink>
              </h3>
              <p className="meta">
                {t(`pairingTerms.partnerKinds.${p.kind}`)} · {t("partnersAdmin.registeredBy", { name: p.ownerName ?? p.ownerEmail ?? "—" })}
              </p>
              <dl className="facts">
                <dt>{t("partnersAdmin.policyAreas")}</dt>
                <dd>
                  <Areas partner={p} />
                </dd>
                <dt>{t("partnersAdmin.region")}</dt>
                <dd>{words.region(p.region)}</dd>
                <dt>{t("partnersAdmin.capacity")}</dt>
                <dd>{p.capacityPerCohort}</dd>
              </dl>
              <PartnerDecisionForm partnerId={p.id} partnerName={p.name} status={p.status} />
            </article>
          ))}
        </section>
      )}

      <h2 id="all-heading">{t("partnersAdmin.allTitle")}</h2>
      <form method="get" action={`/${locale}/coordinator/partners`} role="search" aria-label={t("partnersAdmin.searchLabel")} className={styles.search}>
        <div className="field">
          <label htmlFor="q">{t("partnersAdmin.q")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("partnersAdmin.status")}</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("partnersAdmin.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pairingTerms.partnerStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">{t("partnersAdmin.kind")}</label>
          <select id="kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("partnersAdmin.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pairingTerms.partnerKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.searchActions}>
          <button type="submit">{t("partnersAdmin.search")}</button>
          {filtered && <LocaleLink locale={locale} href="/coordinator/partners">{t("partnersAdmin.clear")}</LocaleLink>}
        </div>
      </form>

      {unmatchedCount > 0 && <p className="notice">{t("partnersAdmin.unmatched.listNotice", { count: unmatchedCount })}</p>}
      <p>
        <strong>{filtered ? t("partnersAdmin.matching", { count: partners.length }) : t("partnersAdmin.total", { count: partners.length })}</strong>
      </p>
      {partners.length === 0 ? (
        <p>{filtered ? t("partnersAdmin.noMatches") : t("partnersAdmin.none")}</p>
      ) : (
        <DataTable label={t("partnersAdmin.caption")}>
          <caption className="visually-hidden">{t("partnersAdmin.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("partnersAdmin.name")}</th>
              <th scope="col">{t("partnersAdmin.kind")}</th>
              <th scope="col">{t("partnersAdmin.status")}</th>
              <th scope="col">{t("partnersAdmin.policyAreas")}</th>
              <th scope="col">{t("partnersAdmin.region")}</th>
              <th scope="col">{t("partnersAdmin.capacity")}</th>
              <th scope="col">{t("partnersAdmin.cohorts")}</th>
              <th scope="col">{t("partnersAdmin.activePairs")}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <LocaleLink locale={locale} href={`/coordinator/partners/${p.id}`}>{p.name}</LocaleLink>
                  {p.ownerName && <span className="meta"> · {p.ownerName}</span>}
                </th>
                <td>{t(`pairingTerms.partnerKinds.${p.kind}`)}</td>
                <td>{t(`pairingTerms.partnerStatuses.${p.status}`)}</td>
                <td>
                  <Areas partner={p} />
                </td>
                <td>{words.region(p.region)}</td>
                <td>{p.capacityPerCohort}</td>
                <td>{p.cohortCount}</td>
                <td>{p.activePairs}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
