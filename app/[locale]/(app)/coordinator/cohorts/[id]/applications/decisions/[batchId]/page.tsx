import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getCohort } from "@/lib/dal/cohorts";
import { getDecisionBatch } from "@/lib/dal/decision-batches";
import { getCurrentActor } from "@/lib/dal/session";
import { searchParam } from "@/lib/form-data";
import { guard } from "@/lib/guard";
import { undoDecisionFormAction } from "../../../../../actions";
import { CohortHeader } from "../../../../../_components/cohort-header";
import styles from "../../../../../_components/coordinator.module.css";
import { DoneNotice } from "../../../../../_components/done-notice";
import { formatMoment, viewerZone } from "../../../../../_components/format";
import { DataTable } from "@/components/ui/data-table";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "bulkDecision" }))("resultTitle") };
}

/** What a bulk decision did, naming everyone, and whether its mails went out (with an undo while they wait). */
export default async function DecisionBatchPage({ params, searchParams }: { params: Promise<{ locale: string; id: string; batchId: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id, batchId } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [cohort, batch] = await guard(Promise.all([getCohort(actor, id), getDecisionBatch(actor, id, batchId)]), locale);
  const zone = viewerZone(actor, cohort.timeZone);
  const refused = searchParam(sp.refused);
  const group = (outcome: string) => batch.people.filter((p) => p.outcome === outcome);
  const changed = group("changed");
  const names = (people: { name: string }[]) => people.map((p) => p.name).join(", ");

  return (
    <>
      <CohortHeader cohort={cohort} current="applications" locale={locale} />
      <h2>{t("bulkDecision.resultTitle")}</h2>
      {searchParam(sp.undone) === "1" && batch.undoneAt ? (
        <DoneNotice>{t("bulkDecision.undone", { count: changed.length, names: names(changed) })}</DoneNotice>
      ) : refused ? (
        <DoneNotice kind="error">{t(`errors.${refused}` as "errors.generic")}</DoneNotice>
      ) : (
        !batch.undoneAt && (
          <DoneNotice>
            {changed.length > 0 ? t(`bulkDecision.done.${batch.decision}`, { count: changed.length, names: names(changed) }) : t("review.outcome.nothing")}
          </DoneNotice>
        )
      )}
      {batch.undoneAt && !searchParam(sp.undone) && <p>{t("bulkDecision.wasUndone", { when: formatMoment(batch.undoneAt, locale, zone) })}</p>}

      <DataTable label={t("bulkDecision.everyone")}>
        <caption>{t("bulkDecision.everyone")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.name")}</th>
            <th scope="col">{t("bulkDecision.outcomeColumn")}</th>
            <th scope="col">{t("applications.status")}</th>
          </tr>
        </thead>
        <tbody>
          {batch.people.map((p) => (
            <tr key={p.enrollmentId}>
              <th scope="row">
                <LocaleLink locale={locale} href={`/coordinator/enrollments/${p.enrollmentId}`}>
                  {p.name}
                </LocaleLink>
              </th>
              <td>{t(`bulkDecision.outcomes.${p.outcome}`)}</td>
              <td>{t(`applications.statuses.${p.status}` as "applications.statuses.applied")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      {!batch.undoneAt &&
        (batch.canUndo && batch.holdUntil ? (
          <form action={undoDecisionFormAction} className={styles.bulk}>
            <p id="undo-hint">{t("bulkDecision.heldUntil", { count: batch.mailsQueued, time: formatMoment(batch.holdUntil, locale, zone) })}</p>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="cohortId" value={cohort.id} />
            <input type="hidden" name="batchId" value={batch.id} />
            <div>
              <button type="submit" aria-describedby="undo-hint">
                {t("bulkDecision.undo")}
              </button>
            </div>
          </form>
        ) : batch.mailsQueued > 0 ? (
          <p>
            <strong>{batch.mailsSent === batch.mailsQueued ? t("bulkDecision.mailsWent", { count: batch.mailsQueued }) : t("bulkDecision.mailsGoing", { count: batch.mailsQueued })}</strong>{" "}
            {t("bulkDecision.noUndo")}
          </p>
        ) : null)}
      <p>
        <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}/applications`}>
          {t("bulkDecision.back")}
        </LocaleLink>
      </p>
    </>
  );
}
