import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { previewDecision } from "@/lib/dal/decision-batches";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { decisionSchema } from "@/lib/validation/enrollment";
import { confirmDecisionFormAction } from "../../../../actions";
import { CohortHeader } from "../../../../_components/cohort-header";
import styles from "../../../../_components/coordinator.module.css";
import { DataTable } from "@/components/ui/data-table";

type SearchParams = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.replaceAll("\u0000", ""));
const one = (v: string | string[] | undefined): string => list(v)[0] ?? "";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "bulkDecision" }))("title") };
}

/**
 * The look back before a decision on several applications: who is affected, by name, what each
 * will receive by mail (subject and text, in their language), who is not changed and why, and
 * whether the decision can still be undone afterwards. Nothing changes until "confirm".
 */
export default async function DecidePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const cohort = await guard(getCohort(actor, id), locale);
  const back = `/coordinator/cohorts/${cohort.id}/applications`;
  const parsed = decisionSchema.safeParse({ ids: list(sp.ids).slice(0, 501), decision: one(sp.decision) || undefined, reason: one(sp.reason) });
  const refused = one(sp.refused);

  if (!parsed.success) {
    const problems = new Set(parsed.error.issues.map((i) => `${String(i.path[0])}:${i.message}`));
    return (
      <>
        <CohortHeader cohort={cohort} current="applications" locale={locale} />
        <h2>{t("bulkDecision.title")}</h2>
        <div className="notice error" role="alert">
          <ul>
            {problems.has("ids:chooseAtLeastOne") && <li>{t("bulkDecision.noneSelected")}</li>}
            {[...problems].some((p) => p.startsWith("decision:")) && <li>{t("bulkDecision.noDecision")}</li>}
            {[...problems].some((p) => p.startsWith("reason:") || p.startsWith("ids:invalid") || p.startsWith("ids:tooMany")) && <li>{t("errors.invalid")}</li>}
          </ul>
        </div>
        <p>
          <LocaleLink locale={locale} href={back}>
            {t("bulkDecision.back")}
          </LocaleLink>
        </p>
      </>
    );
  }
  const input = parsed.data;
  const preview = await guard(previewDecision(actor, cohort.id, input), locale);
  const changing = preview.people.filter((p) => p.outcome === "changed");
  const staying = preview.people.filter((p) => p.outcome !== "changed");
  const mails = changing.filter((p) => p.mail).length;
  const status = (s: string) => t(`applications.statuses.${s}` as "applications.statuses.applied");

  return (
    <>
      <CohortHeader cohort={cohort} current="applications" locale={locale} />
      <h2>{t("bulkDecision.title")}</h2>
      {refused && (
        <div className="notice error" role="alert">
          {t(`errors.${refused}` as "errors.generic")}
        </div>
      )}
      {changing.length === 0 ? (
        <p>{t("bulkDecision.nothing")}</p>
      ) : (
        <>
          <p>
            <strong>{t(`bulkDecision.summary.${input.decision}`, { count: changing.length })}</strong> {t("bulkDecision.mails", { count: mails })}
          </p>
          <DataTable label={t("bulkDecision.affected")}>
            <caption>{t("bulkDecision.affected")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.name")}</th>
                <th scope="col">{t("bulkDecision.change")}</th>
                <th scope="col">{t("bulkDecision.mail")}</th>
              </tr>
            </thead>
            <tbody>
              {changing.map((p) => (
                <tr key={p.enrollmentId}>
                  <th scope="row">
                    {p.name}
                    <span className="meta"> · {p.email}</span>
                  </th>
                  <td>
                    {status(p.from)} → {status(input.decision === "accept" ? "accepted" : input.decision === "waitlist" ? "waitlisted" : "rejected")}
                  </td>
                  <td>
                    {p.mail ? (
                      <details>
                        <summary>
                          “{p.mail.subject}” <span className="meta">({t(`locales.${p.locale}`)})</span>
                        </summary>
                        <pre className={styles.mailText}>{p.mail.text}</pre>
                      </details>
                    ) : (
                      t("bulkDecision.noMail")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
      {(staying.length > 0 || preview.notFound > 0) && (
        <>
          <h3>{t("bulkDecision.notChanged")}</h3>
          <ul>
            {staying.map((p) => (
              <li key={p.enrollmentId}>
                {p.name}: {t(`bulkDecision.why.${p.outcome as "unchanged" | "full" | "withdrawn"}`)}
              </li>
            ))}
            {preview.notFound > 0 && <li>{t("review.outcome.notFound", { count: preview.notFound })}</li>}
          </ul>
        </>
      )}
      {changing.length > 0 && (
        <form action={confirmDecisionFormAction} className={styles.bulk}>
          <p id="confirm-hint">
            {preview.undoable ? t("bulkDecision.willHold", { minutes: 2 }) : preview.offersFreedPlaces ? t("bulkDecision.offersAtOnce") : t("bulkDecision.sentAtOnce")}
          </p>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="cohortId" value={cohort.id} />
          <input type="hidden" name="decision" value={input.decision} />
          <input type="hidden" name="reason" value={input.reason} />
          {changing.map((p) => (
            <input key={p.enrollmentId} type="hidden" name="ids" value={p.enrollmentId} />
          ))}
          <div>
            <button type="submit" aria-describedby="confirm-hint">
              {t(`bulkDecision.confirm.${input.decision}`, { count: changing.length })}
            </button>
          </div>
        </form>
      )}
      <p>
        <LocaleLink locale={locale} href={back}>
          {t("bulkDecision.cancel")}
        </LocaleLink>
      </p>
    </>
  );
}
