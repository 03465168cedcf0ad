import type { getTranslations } from "next-intl/server";
import pairStyles from "@/components/pairs/pairs.module.css";
import { LocaleLink } from "@/components/locale-link";
import type { MyPair } from "@/lib/dal/my-pairs";
import type { listMyPartners } from "@/lib/dal/start";
import { formatCalendarDate, todayIn } from "@/lib/time";

type T = Awaited<ReturnType<typeof getTranslations>>;
type MyPartner = Awaited<ReturnType<typeof listMyPartners>>[number];
type PartnerSidePair = Extract<MyPair, { side: "partner" }>;

/** One of the owner's initiatives: its status in words, the help request and what pairing uses, and an Edit link. */
export function InitiativeCard({ t, p, locale }: { t: T; p: MyPartner; locale: string }) {
  const none = <span className="meta">{t("partnerHome.notGiven")}</span>;
  const where = [p.location, p.region && t(`pairingFields.regions.${p.region}`)].filter(Boolean).join(" · ");
  return (
    <section className="card" aria-labelledby={`partner-${p.id}`}>
      <h2 id={`partner-${p.id}`}>{p.name}</h2>
      <p className="meta">
        {t(`pairingTerms.partnerKinds.${p.kind}`)} · {p.organisationName}
      </p>
      <dl className="facts">
        <dt>{t("partnerHome.status")}</dt>
        <dd>
          <span className="badge">{t(`pairingTerms.partnerStatuses.${p.status}`)}</span>
          <p className={pairStyles.comment}>{t(`partnerHome.statusExplain.${p.status}`, { organisation: p.organisationName })}</p>
        </dd>
        <dt>{t("partnerHome.helpRequest")}</dt>
        <dd className={pairStyles.notes}>{p.helpRequest || none}</dd>
        <dt>{t("partnerHome.policyAreas")}</dt>
        <dd>{p.policyAreas.length > 0 ? p.policyAreas.join(", ") : none}</dd>
        <dt>{t("partnerHome.languages")}</dt>
        <dd>{p.languages.length > 0 ? p.languages.map((l) => languageName(t, l)).join(", ") : none}</dd>
        <dt>{t("partnerHome.capacity")}</dt>
        <dd>{p.capacityPerCohort}</dd>
        <dt>{t("partnerHome.where")}</dt>
        <dd>{where || none}</dd>
        <dt>{t("partnerHome.contact")}</dt>
        <dd>{[p.contactEmail, p.contactPhone].filter(Boolean).join(" · ") || none}</dd>
      </dl>
      <p>
        <LocaleLink locale={locale} href={`/partner/initiatives/${p.id}/edit`}>
          {t("partnerHome.edit")}
          <span className="visually-hidden">: {p.name}</span>
        </LocaleLink>
      </p>
    </section>
  );
}

/** A language code in words where we have a name for it, else the code itself. */
function languageName(t: T, code: string): string {
  const key = `pairingFields.languageNames.${code}`;
  return t.has(key) ? t(key) : code;
}

/** A participant paired with the owner: only what they need to work together, and a link to the pair. */
export function ParticipantCard({ t, pair, locale, zone }: { t: T; pair: PartnerSidePair; locale: string; zone: string }) {
  const p = pair.participant;
  return (
    <li className="card">
      <article aria-labelledby={`pair-${pair.pairId}`}>
        <h3 id={`pair-${pair.pairId}`}>{p.name}</h3>
        <p className="meta">{pair.partner.name}</p>
        <dl className="facts">
          <dt>{t("partnerHome.email")}</dt>
          <dd>
            <a href={`mailto:${p.email}`}>{p.email}</a>
          </dd>
          <dt>{t("partnerHome.employer")}</dt>
          <dd>{p.employer}</dd>
          <dt>{t("partnerHome.jobTitle")}</dt>
          <dd>{p.jobTitle}</dd>
          <dt>{t("partnerHome.policyAreas")}</dt>
          <dd>{p.policyAreas.length > 0 ? p.policyAreas.join(", ") : "—"}</dd>
          <dt>{t("partnerHome.cohort")}</dt>
          <dd>
            {pair.programmeName} – {pair.cohortName}
          </dd>
          <dt>{t("partnerHome.pairedSince")}</dt>
          <dd>{formatCalendarDate(todayIn(zone, pair.confirmedAt), locale)}</dd>
          <dt>{t("partnerHome.meetings")}</dt>
          <dd>{t("myPair.meetingCount", { confirmed: pair.meetingsConfirmed, logged: pair.meetingsLogged })}</dd>
        </dl>
        <p>
          <LocaleLink locale={locale} href={`/pairs/${pair.pairId}`}>
            {t("partnerHome.openPair")}
            <span className="visually-hidden">: {p.name}</span>
          </LocaleLink>
        </p>
      </article>
    </li>
  );
}
