import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { LocaleLink } from "@/components/locale-link";
import { getPublicCohort } from "@/lib/dal/enrollment-queries";
import { OrganisationLine } from "@/components/organisation-line";
import { guard } from "@/lib/guard";
import { formatCountdown, formatInstant, startOfDayIn } from "@/lib/time";
import { admissionText, dateRangeText, deadlineText, effortText, placesText } from "../_components/cohort-facts";
import { ViewerDeadline, ViewerZoneNote } from "../_components/viewer-time";
import { SignUpSection } from "./_components/sign-up-section";

type Params = Promise<{ locale: string; cohortId: string }>;

// Cached for everyone; coordinators' changes and sign-ups revalidate it at once
// (lib/public-pages.ts), and whether sign-up is open follows the clock within a minute.
export const revalidate = 60;

/** Each cohort's page is rendered on its first request (none at build time: the build has no database). */
export function generateStaticParams(): { cohortId: string }[] {
  return [];
}

/** Once per render: the metadata and the page both need it. */
const loadCohort = cache((cohortId: string) => getPublicCohort(cohortId));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, cohortId } = await params;
  try {
    const cohort = await loadCohort(cohortId);
    return { title: `${cohort.programmeName} – ${cohort.name}` };
  } catch {
    return { title: (await getTranslations({ locale, namespace: "notFound" }))("title") };
  }
}

/** One cohort for the public: what it asks, how many places, the deadline, and the sign-up form. */
export default async function CohortPage({ params }: { params: Params }) {
  const { locale, cohortId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const now = new Date();
  const cohort = await guard(loadCohort(cohortId), locale);
  const zone = cohort.timeZone;
  const opensAt = startOfDayIn(cohort.enrollmentOpensOn, cohort.timeZone);
  const notYetOpen = cohort.status === "open" && now.getTime() < opensAt.getTime();
  const effort = effortText(t, cohort.effortHalfDaysMin, cohort.effortHalfDaysMax);
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/programmes">{t("cohortPage.backToCatalogue")}</LocaleLink>
      </p>
      <h1>
        {cohort.programmeName} – {cohort.name}
      </h1>
      <OrganisationLine t={t} contact organisation={{ id: cohort.organisationId, name: cohort.organisationName, logoVersion: cohort.logoVersion, contactEmail: cohort.contactEmail, contactPhone: cohort.contactPhone }}>
        {t("cohortPage.organisedBy", { organisation: cohort.organisationName })}
      </OrganisationLine>
      {cohort.programmeDescription && <p className="lead">{cohort.programmeDescription}</p>}

      <h2>{t("cohortPage.asksTitle")}</h2>
      <dl className="facts">
        <dt>{t("catalogue.dates")}</dt>
        <dd>{dateRangeText(t, cohort.startDate, cohort.endDate, locale)}</dd>
        <dt>{t("cohortPage.duration")}</dt>
        <dd>{t("common.months", { count: cohort.durationMonths })}</dd>
        <dt>{t("catalogue.effort")}</dt>
        <dd>
          {effort}
          <br />
          <span className="meta">{t("cohortPage.effortHint")}</span>
        </dd>
        <dt>{t("cohortPage.partnerMeetings")}</dt>
        <dd>{t("cohortPage.partnerMeetingsValue", { count: cohort.minPartnerMeetings })}</dd>
        <dt>{t("cohortPage.sessions")}</dt>
        <dd>{t("cohortPage.sessionsValue")}</dd>
      </dl>

      <h2>{t("cohortPage.placesTitle")}</h2>
      <dl className="facts">
        <dt>{t("catalogue.places")}</dt>
        <dd>{placesText(t, cohort.placesLeft, cohort.capacity)}</dd>
        <dt>{t("cohortPage.waitlist")}</dt>
        <dd>{t("cohortPage.waitlistValue", { count: cohort.waitlistLength })}</dd>
        <dt>{t("catalogue.admission")}</dt>
        <dd>
          {admissionText(t, cohort.admissionMode)}
          <br />
          <span className="meta">{cohort.admissionMode === "first_come" ? t("cohortPage.firstComeHint") : t("cohortPage.reviewedHint")}</span>
        </dd>
        <dt>{t("catalogue.deadline")}</dt>
        <dd>
          <ViewerDeadline
            deadline={cohort.deadline.toISOString()}
            initial={deadlineText(t, cohort.deadline, locale, zone, now)}
            locale={locale}
            texts={{ closes: t.raw("catalogue.closes") as string, closed: t.raw("catalogue.closed") as string }}
          />
        </dd>
      </dl>
      <p className="meta">
        <ViewerZoneNote initial={t("cohortPage.zoneCohort", { zone })} zoneYours={t.raw("catalogue.zoneYours") as string} />
      </p>

      <h2>{t("cohortPage.signUpTitle")}</h2>
      {/* Whether this person is enrolled already, and their account, are filled in by the browser. */}
      <SignUpSection
        open={cohort.open}
        form={{ cohortId: cohort.id, cohortName: cohort.name, policyAreas: cohort.policyAreas, questions: cohort.questions, effort }}
      >
        {notYetOpen ? (
          <p className="notice">
            {t("cohortPage.notYetOpen", {
              countdown: formatCountdown(opensAt, locale, now) ?? "",
              when: formatInstant(opensAt, locale, zone),
            })}
          </p>
        ) : (
          <p className="notice">{t("cohortPage.closed")}</p>
        )}
      </SignUpSection>
    </>
  );
}
