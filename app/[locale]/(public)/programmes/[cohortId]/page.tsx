import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { LocaleLink } from "@/components/locale-link";
import { OrganisationLine } from "@/components/organisation-line";
import { getPublicCohort, listMyEnrollments } from "@/lib/dal/enrollment-queries";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCountdown, formatInstant, startOfDayIn } from "@/lib/time";
import { getViewerTimeZone, TIME_ZONE_COOKIE } from "@/lib/viewer-time-zone";
import { admissionText, dateRangeText, deadlineText, effortText, placesText } from "../_components/cohort-facts";
import { SignUpForm } from "./_components/sign-up-form";

type Params = Promise<{ locale: string; cohortId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, cohortId } = await params;
  try {
    const cohort = await getPublicCohort(cohortId);
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
  const actor = await getCurrentActor();
  const now = new Date();
  const [cohort, mine, viewer] = await Promise.all([
    guard(getPublicCohort(cohortId, now), locale),
    actor ? listMyEnrollments(actor) : Promise.resolve([]),
    getViewerTimeZone(actor),
  ]);
  const zone = viewer.zone ?? cohort.timeZone;
  const opensAt = startOfDayIn(cohort.enrollmentOpensOn, cohort.timeZone);
  const notYetOpen = cohort.status === "open" && now.getTime() < opensAt.getTime();
  const enrolled = mine.find((e) => e.cohortId === cohort.id && e.status !== "withdrawn");
  const effort = effortText(t, cohort.effortHalfDaysMin, cohort.effortHalfDaysMax);
  return (
    <>
      <TimeZoneCookie name={TIME_ZONE_COOKIE} current={viewer.cookie} refresh={viewer.zone === null || viewer.fromCookie} />
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
        <dd>{deadlineText(t, cohort.deadline, locale, zone, now)}</dd>
      </dl>
      <p className="meta">{viewer.zone ? t("catalogue.zoneYours", { zone }) : t("cohortPage.zoneCohort", { zone })}</p>

      <h2>{t("cohortPage.signUpTitle")}</h2>
      {enrolled ? (
        <div className="notice">
          <p>{t("cohortPage.alreadyEnrolled", { status: t(`myEnrollments.statuses.${enrolled.status}`) })}</p>
          <p>
            <LocaleLink locale={locale} href="/participant">{t("cohortPage.seeMyEnrollments")}</LocaleLink>
          </p>
        </div>
      ) : cohort.open ? (
        <SignUpForm
          cohortId={cohort.id}
          cohortName={cohort.name}
          policyAreas={cohort.policyAreas}
          questions={cohort.questions}
          account={actor ? { email: actor.email, name: actor.name ?? "" } : null}
          effort={effort}
        />
      ) : notYetOpen ? (
        <p className="notice">
          {t("cohortPage.notYetOpen", {
            countdown: formatCountdown(opensAt, locale, now) ?? "",
            when: formatInstant(opensAt, locale, zone),
          })}
        </p>
      ) : (
        <p className="notice">{t("cohortPage.closed")}</p>
      )}
    </>
  );
}
