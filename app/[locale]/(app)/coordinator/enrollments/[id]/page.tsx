import type { Metadata } from "next";
import { Fragment } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getApplicationLifecycle } from "@/lib/dal/application-archive";
import { getEnrollmentDetail } from "@/lib/dal/enrollment-queries";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { formatCountdown, formatInstant } from "@/lib/time";
import styles from "../../_components/coordinator.module.css";
import { DecisionForm } from "../../_components/decision-form";
import { viewerZone } from "../../_components/format";
import { ApplicationLifecycleSection, LifecycleNotice } from "../../_components/lifecycle";
import { DataTable } from "@/components/ui/data-table";

/** Reasons Koppel itself writes into the history; anything else is a coordinator's own words. */
const SYSTEM_REASONS = ["placeFreed", "offerAccepted", "offerDeclined", "offerExpired", "signedUpAgain", "accountDeleted", "answersChanged", "undone"] as const;
const isSystemReason = (r: string): r is (typeof SYSTEM_REASONS)[number] => (SYSTEM_REASONS as readonly string[]).includes(r);

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "review" }))("title") };
}

type Search = Promise<{ done?: string; refused?: string; confirm?: string }>;

export default async function EnrollmentPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Search }) {
  const { locale, id } = await params;
  const search = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [e, life] = await guard(Promise.all([getEnrollmentDetail(actor, id), getApplicationLifecycle(actor, id)]), locale);
  const zone = viewerZone(actor, e.timeZone);
  const name = e.name || e.email;
  const statusWord = (s: string) => t(`applications.statuses.${s}`);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{formatInstant(d, locale, zone)}</time>;
  const answerText = (v: string | string[] | boolean | undefined): string | null => {
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return null;
    if (typeof v === "boolean") return v ? t("review.yes") : t("review.no");
    return Array.isArray(v) ? v.join(", ") : v;
  };
  const asked = new Set(e.questions.map((q) => q.id));
  // Answers stay when a question is removed from the form; show them rather than hide what was said.
  const orphans = Object.entries(e.answers).filter(([qid]) => !asked.has(qid));

  return (
    <>
      <p>
        <LocaleLink locale={locale} href={`/coordinator/cohorts/${e.cohortId}/applications`}>← {t("review.back", { cohort: e.cohortName })}</LocaleLink>
      </p>
      <h1>{name}</h1>
      <p className="meta">{t("review.applicationFor", { cohort: e.cohortName })}</p>
      <LifecycleNotice search={search} t={t} name={name} />

      <h2>{t("review.currentStatus")}</h2>
      <p>
        <span className="badge">{statusWord(e.status)}</span>
        {e.status === "waitlisted" && e.waitlistPosition !== null && <> {t("review.waitlistPosition", { position: e.waitlistPosition })}</>}
        {e.status === "offered" && e.offerExpiresAt && (
          <>
            {" "}
            {t("review.offerExpires")} {when(e.offerExpiresAt)}
            {formatCountdown(e.offerExpiresAt, locale) && <> ({formatCountdown(e.offerExpiresAt, locale)})</>}
          </>
        )}
      </p>

      <h2>{t("review.person")}</h2>
      <dl className="facts">
        <dt>{t("applications.email")}</dt>
        <dd>
          <a href={`mailto:${e.email}`}>{e.email}</a>
        </dd>
        <dt>{t("applications.employer")}</dt>
        <dd>{e.employer || "—"}</dd>
        {e.department && (
          <>
            <dt>{t("review.department")}</dt>
            <dd>{e.department}</dd>
          </>
        )}
        <dt>{t("applications.jobTitle")}</dt>
        <dd>{e.jobTitle || "—"}</dd>
        <dt>{t("applications.signedUp")}</dt>
        <dd>{when(e.createdAt)}</dd>
        <dt>{t("review.consent")}</dt>
        <dd>{e.consentedAt ? when(e.consentedAt) : t("review.no")}</dd>
      </dl>

      <h2>{t("review.answers")}</h2>
      <dl className="facts">
        <dt>{t("applications.policyAreas")}</dt>
        <dd>{e.policyAreas.length > 0 ? e.policyAreas.join(", ") : <span className="meta">{t("review.noAnswer")}</span>}</dd>
        <dt>{t("review.halfDays")}</dt>
        <dd>{e.availableHalfDays ?? <span className="meta">{t("review.noAnswer")}</span>}</dd>
        <dt>{t("review.motivation")}</dt>
        <dd>{e.motivation ? <p className={styles.answer}>{e.motivation}</p> : <span className="meta">{t("review.noAnswer")}</span>}</dd>
        {e.questions.map((q) => {
          const text = answerText(e.answers[q.id]);
          return (
            <Fragment key={q.id}>
              <dt>{q.label}</dt>
              <dd>{text ? <p className={styles.answer}>{text}</p> : <span className="meta">{t("review.noAnswer")}</span>}</dd>
            </Fragment>
          );
        })}
        {orphans.map(([qid, v]) => (
          <Fragment key={qid}>
            <dt>{t("review.removedQuestion")}</dt>
            <dd>
              <p className={styles.answer}>{answerText(v) ?? "—"}</p>
            </dd>
          </Fragment>
        ))}
      </dl>

      {!e.archivedAt && !e.cohortArchivedAt && (
        <>
          <h2>{t("review.decide")}</h2>
          {e.status === "withdrawn" ? <p>{t("review.single.withdrawn")}</p> : <DecisionForm cohortId={e.cohortId} enrollmentId={e.id} />}
        </>
      )}
      <ApplicationLifecycleSection
        application={{ id: e.id, name, archivedAt: e.archivedAt, cohortArchived: Boolean(e.cohortArchivedAt) }}
        life={life}
        confirmDelete={search.confirm === "delete"}
        locale={locale}
        t={t}
      />

      <h2 id="history-heading">{t("review.history")}</h2>
      {e.events.length === 0 ? (
        <p>{t("review.noHistory")}</p>
      ) : (
        <DataTable labelledBy="history-heading">
          <thead>
            <tr>
              <th scope="col">{t("review.when")}</th>
              <th scope="col">{t("review.change")}</th>
              <th scope="col">{t("review.by")}</th>
              <th scope="col">{t("review.historyReason")}</th>
            </tr>
          </thead>
          <tbody>
            {e.events.map((ev) => (
              <tr key={ev.id}>
                <td>{when(ev.createdAt)}</td>
                <td>
                  {t("review.fromTo", { from: ev.fromStatus ? statusWord(ev.fromStatus) : t("review.newApplication"), to: statusWord(ev.toStatus) })}
                </td>
                <td>{ev.byName || ev.byEmail || t("review.koppel")}</td>
                <td>
                  {!ev.reason ? (
                    <span className="meta">—</span>
                  ) : isSystemReason(ev.reason) ? (
                    t(`review.reasons.${ev.reason}`)
                  ) : (
                    <p className={styles.answer}>{ev.reason}</p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
