import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listMyEnrollments, type MyEnrollment } from "@/lib/dal/enrollment-queries";
import { listMeetingsAwaitingMe } from "@/lib/dal/meetings";
import { listMyPairs } from "@/lib/dal/my-pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCalendarDate, formatCountdown, formatInstant } from "@/lib/time";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { EnrollmentActions } from "./_components/enrollment-actions";
import { MyPairing } from "./_components/my-pairing";
import styles from "./_components/participant.module.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "myEnrollments" }))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The status in a sentence: waitlist place, or until when an offered place can be answered. */
function explanation(t: T, e: MyEnrollment, locale: string, zone: string, now: Date): string {
  if (e.status === "waitlisted") return t("myEnrollments.explain.waitlisted", { position: e.waitlistPosition ?? 0 });
  if (e.status === "offered") {
    if (!e.offerExpiresAt) return t("myEnrollments.explain.offerLapsed", { when: "—" });
    const when = formatInstant(e.offerExpiresAt, locale, zone);
    const countdown = formatCountdown(e.offerExpiresAt, locale, now);
    return countdown ? t("myEnrollments.explain.offered", { when, countdown }) : t("myEnrollments.explain.offerLapsed", { when });
  }
  return t(`myEnrollments.explain.${e.status}`);
}

/** The participant's own sign-ups: status in words, waitlist place, offers to answer, withdraw. */
export default async function MyEnrollmentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [enrollments, pairs, awaiting, viewer] = await Promise.all([
    guard(listMyEnrollments(actor), locale),
    guard(listMyPairs(actor), locale),
    guard(listMeetingsAwaitingMe(actor), locale),
    getViewerTimeZone(actor),
  ]);
  const now = new Date();
  // A participant has one pair per cohort; as a partner's owner they may have others (not shown here).
  const pairOf = (cohortId: string) => pairs.find((p) => p.side === "participant" && p.cohortId === cohortId);
  return (
    <>
      <h1>{t("myEnrollments.title")}</h1>
      {enrollments.length === 0 ? (
        <p>{t("myEnrollments.none")}</p>
      ) : (
        <>
          <p>{t("myEnrollments.lead", { zone: viewer.zone ?? enrollments[0]?.timeZone ?? "UTC" })}</p>
          <ul className={styles.list}>
            {enrollments.map((e) => {
              const zone = viewer.zone ?? e.timeZone;
              const offerOpen = e.status === "offered" && e.offerExpiresAt !== null && e.offerExpiresAt.getTime() > now.getTime();
              const pair = e.status === "accepted" ? pairOf(e.cohortId) : undefined;
              return (
                <li key={e.id} className="card">
                  <section aria-labelledby={`enrollment-${e.id}`}>
                    <h2 id={`enrollment-${e.id}`}>
                      {e.programmeName} – {e.cohortName}
                    </h2>
                    <dl className="facts">
                      <dt>{t("myEnrollments.organisation")}</dt>
                      <dd>{e.organisationName}</dd>
                      <dt>{t("myEnrollments.dates")}</dt>
                      <dd>
                        {t("catalogue.dateRange", { start: formatCalendarDate(e.startDate, locale), end: formatCalendarDate(e.endDate, locale) })}
                      </dd>
                      <dt>{t("myEnrollments.status")}</dt>
                      <dd>
                        <span className="badge">{t(`myEnrollments.statuses.${e.status}`)}</span>
                        <p className={styles.explain}>{explanation(t, e, locale, zone, now)}</p>
                      </dd>
                    </dl>
                    {pair?.side === "participant" && (
                      <MyPairing pair={pair} awaiting={awaiting.filter((m) => m.pairId === pair.pairId)} locale={locale} zone={zone} />
                    )}
                    <EnrollmentActions
                      enrollmentId={e.id}
                      cohortName={e.cohortName}
                      canRespond={offerOpen}
                      canWithdraw={e.status !== "withdrawn" && e.status !== "rejected"}
                    />
                    {e.status === "applied" && (
                      <p>
                        <LocaleLink locale={locale} href={`/participant/applications/${e.id}`}>
                          {t("myApplication.change")}
                          <span className="visually-hidden">: {e.cohortName}</span>
                        </LocaleLink>
                      </p>
                    )}
                    <p>
                      <LocaleLink locale={locale} href={`/programmes/${e.cohortId}`}>
                        {t("myEnrollments.aboutCohort")}
                        <span className="visually-hidden">: {e.cohortName}</span>
                      </LocaleLink>
                    </p>
                  </section>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        <LocaleLink locale={locale} href="/programmes">{t("myEnrollments.findProgramme")}</LocaleLink>
      </p>
    </>
  );
}
