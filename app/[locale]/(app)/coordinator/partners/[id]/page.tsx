import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listCohorts } from "@/lib/dal/cohorts";
import { areaFormValues } from "@/components/partners/profile-values";
import { getPartner } from "@/lib/dal/partners";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate } from "@/lib/time";
import styles from "../../_components/coordinator.module.css";
import { DoneNotice } from "../../_components/done-notice";
import { formatDay, viewerZone } from "../../_components/format";
import { pairWords } from "../../_components/pair-words";
import { CohortLinkControls, LinkCohortForm } from "../_components/cohort-links";
import { PartnerDecisionForm } from "../_components/partner-decision-form";
import { PartnerEditForm } from "../_components/partner-edit-form";
import { UnmatchedAreas } from "../_components/unmatched-areas";
import { searchParam } from "@/lib/form-data";
import { DataTable } from "@/components/ui/data-table";

type SearchParams = Record<string, string | string[] | undefined>;
const one = searchParam;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "partnersAdmin" }))("detail.title") };
}

export default async function PartnerPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale });
  const words = pairWords(t, locale);
  const actor = await getCurrentActor();
  const partner = await guard(getPartner(actor, id), locale);
  // The partner's own owner may read it elsewhere; this page is the coordinator's.
  if (!partner.canEditIdentity) forbidden();
  const cohorts = await guard(listCohorts(actor, { limit: 200 }), locale);
  const zone = viewerZone(actor, "Europe/Amsterdam");
  const linkedIds = new Set(partner.cohorts.map((c) => c.cohortId));
  const linkable = cohorts.filter((c) => !linkedIds.has(c.id)).map((c) => ({ id: c.id, name: `${c.name} (${c.programmeName})` }));
  const done = one(sp.done);
  const unlinkedCohort = cohorts.find((c) => c.id === one(sp.c))?.name;
  const dash = <span className="meta">—</span>;
  const refused = one(sp.refused);

  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/coordinator/partners">← {t("partnersAdmin.title")}</LocaleLink>
      </p>
      <h1>{partner.name}</h1>
      <p>
        {t(`pairingTerms.partnerKinds.${partner.kind}`)} · <span className="badge">{t(`pairingTerms.partnerStatuses.${partner.status}`)}</span>
      </p>
      {(done === "invited" || done === "approved" || done === "declined") && <DoneNotice>{t(`partnersAdmin.done.${done}`, { name: partner.name })}</DoneNotice>}
      {done === "unlinked" && unlinkedCohort && <DoneNotice>{t("partnersAdmin.done.unlinked", { name: partner.name, cohort: unlinkedCohort })}</DoneNotice>}

      <h2>{t("partnersAdmin.detail.decision")}</h2>
      {partner.decidedAt && (
        <p>
          {t("partnersAdmin.detail.decidedOn", { status: t(`pairingTerms.partnerStatuses.${partner.status}`), date: formatDay(partner.decidedAt, locale, zone) })}
          {partner.decisionReason && <> {t("partnersAdmin.detail.decisionReason", { reason: partner.decisionReason })}</>}
        </p>
      )}
      <PartnerDecisionForm partnerId={partner.id} partnerName={partner.name} status={partner.status} />

      <h2>{t("partnersAdmin.detail.profile")}</h2>
      <dl className="facts">
        <dt>{t("partnersAdmin.detail.owner")}</dt>
        <dd>
          {partner.ownerName ?? dash}
          {partner.ownerEmail && (
            <>
              {" · "}
              <a href={`mailto:${partner.ownerEmail}`}>{partner.ownerEmail}</a>
            </>
          )}
        </dd>
        <dt>{t("partnersAdmin.fields.contactEmail")}</dt>
        <dd>{partner.contactEmail ? <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a> : dash}</dd>
        <dt>{t("partnersAdmin.fields.contactPhone")}</dt>
        <dd>{partner.contactPhone ?? dash}</dd>
        <dt>{t("partnersAdmin.fields.website")}</dt>
        <dd>
          {/^https?:\/\//i.test(partner.website) ? (
            <a href={partner.website} rel="ugc nofollow">
              {partner.website}
            </a>
          ) : (
            partner.website || dash
          )}
        </dd>
        <dt>{t("partnersAdmin.fields.location")}</dt>
        <dd>{partner.location || dash}</dd>
        <dt>{t("partnersAdmin.region")}</dt>
        <dd>{words.region(partner.region)}</dd>
        <dt>{t("partnersAdmin.policyAreas")}</dt>
        <dd>
          {(partner.unmatchedAreas.length === 0 || partner.policyAreas.length > partner.unmatchedAreas.length) && words.list(partner.policyAreas.filter((a) => !partner.unmatchedAreas.includes(a)))}
          {partner.unmatchedAreas.length > 0 && (
            <>
              {partner.policyAreas.length > partner.unmatchedAreas.length && " · "}
              <a href="#areas" className="badge">
                {t("partnersAdmin.unmatched.badge", { count: partner.unmatchedAreas.length })}
              </a>
            </>
          )}
        </dd>
        <dt>{t("partnersAdmin.fields.languages")}</dt>
        <dd>{words.languages(partner.languages)}</dd>
        <dt>{t("partnersAdmin.capacity")}</dt>
        <dd>{partner.capacityPerCohort}</dd>
        <dt>{t("partnersAdmin.fields.aliases")}</dt>
        <dd>{words.list(partner.aliases)}</dd>
        <dt>{t("partnersAdmin.detail.registered")}</dt>
        <dd>{formatDay(partner.registeredAt, locale, zone)}</dd>
        <dt>{t("partnersAdmin.fields.helpRequest")}</dt>
        <dd>{partner.helpRequest ? <p className={styles.answer}>{partner.helpRequest}</p> : dash}</dd>
      </dl>

      {(partner.unmatchedAreas.length > 0 || done === "mapped" || refused) && (
        <UnmatchedAreas locale={locale} partnerId={partner.id} unmatched={partner.unmatchedAreas} listed={partner.listedAreas} done={done === "mapped" ? Number(one(sp.n)) || 0 : null} refused={refused} t={t} />
      )}

      <h2>{t("partnersAdmin.links.title")}</h2>
      {partner.cohorts.length === 0 ? (
        <p>{t("partnersAdmin.links.none")}</p>
      ) : (
        <DataTable label={t("partnersAdmin.links.caption", { name: partner.name })}>
          <caption className="visually-hidden">{t("partnersAdmin.links.caption", { name: partner.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("partnersAdmin.links.cohort")}</th>
              <th scope="col">{t("partnersAdmin.links.starts")}</th>
              <th scope="col">{t("partnersAdmin.links.places")}</th>
              <th scope="col">{t("partnersAdmin.links.paired")}</th>
              <th scope="col">{t("partnersAdmin.links.left")}</th>
              <th scope="col">{t("partnersAdmin.links.change")}</th>
            </tr>
          </thead>
          <tbody>
            {partner.cohorts.map((c) => (
              <tr key={c.cohortId}>
                <th scope="row">
                  <LocaleLink locale={locale} href={`/coordinator/cohorts/${c.cohortId}/pairing`}>{c.cohortName}</LocaleLink>
                </th>
                <td>{formatCalendarDate(c.startDate, locale)}</td>
                <td>{c.capacity}</td>
                <td>{c.paired}</td>
                <td>{Math.max(0, c.capacity - c.paired) === 0 ? t("partnersAdmin.links.full") : Math.max(0, c.capacity - c.paired)}</td>
                <td>
                  <CohortLinkControls partnerId={partner.id} cohortId={c.cohortId} cohortName={c.cohortName} capacity={c.capacity} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h3>{t("partnersAdmin.links.add")}</h3>
      {partner.status !== "approved" ? (
        <p>{t("partnersAdmin.links.approveFirst")}</p>
      ) : linkable.length === 0 ? (
        <p>{t("partnersAdmin.links.allLinked")}</p>
      ) : (
        <LinkCohortForm partnerId={partner.id} partnerCapacity={partner.capacityPerCohort} cohorts={linkable} />
      )}

      <h2>{t("partnersAdmin.detail.edit")}</h2>
      <PartnerEditForm
        partnerId={partner.id}
        knownAreas={partner.listedAreas}
        initial={{
          kind: partner.kind,
          name: partner.name,
          aliases: partner.aliases.join("\n"),
          description: partner.description,
          website: partner.website,
          location: partner.location,
          region: partner.region ?? "",
          helpRequest: partner.helpRequest,
          ...areaFormValues(partner.policyAreas, partner.listedAreas),
          languages: partner.languages,
          capacityPerCohort: partner.capacityPerCohort,
          contactEmail: partner.contactEmail ?? "",
          contactPhone: partner.contactPhone ?? "",
        }}
      />
    </>
  );
}
