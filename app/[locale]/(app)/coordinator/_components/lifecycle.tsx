import type { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { CohortState } from "@/lib/cohort-state";
import type { ApplicationLifecycle } from "@/lib/dal/application-archive";
import type { CohortDependents } from "@/lib/dal/lifecycle";
import { formatCalendarDate } from "@/lib/time";
import {
  archiveApplicationAction,
  archiveCohortAction,
  archiveProgrammeAction,
  deleteApplicationAction,
  deleteCohortAction,
  deleteProgrammeAction,
  publishCohortAction,
  restoreApplicationAction,
  restoreCohortAction,
  restoreProgrammeAction,
} from "../lifecycle-actions";
import { DoneNotice } from "./done-notice";
import styles from "./coordinator.module.css";

type T = Awaited<ReturnType<typeof getTranslations>>;
type Action = (form: FormData) => Promise<void>;

/** A form of one button posting `id` and `locale` to a lifecycle action (works without JavaScript). */
function ActionButton(props: { action: Action; id: string; locale: string; label: string; describedBy?: string; secondary?: boolean }) {
  return (
    <form action={props.action} className={styles.inline}>
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" className={props.secondary ? "secondary" : undefined} aria-describedby={props.describedBy}>
        {props.label}
      </button>
    </form>
  );
}

/** The state of a cohort as a small label (the words of lib/cohort-state.ts). */
export function StateBadge({ state, t }: { state: CohortState; t: T }) {
  return <span className="badge">{t(`lifecycle.states.${state}`)}</span>;
}

/** What a lifecycle action just did, or why it was refused, from the page's search parameters. */
export function LifecycleNotice({ search, t, name }: { search: { done?: string; refused?: string; name?: string }; t: T; name: string }) {
  const done = search.done;
  if (search.refused) {
    const key = /^[a-z][A-Za-z]+$/.test(search.refused) ? search.refused : "generic";
    return <DoneNotice kind="error">{t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.generic")}</DoneNotice>;
  }
  if (!done || !/^[a-z][A-Za-z]+$/.test(done) || !t.has(`lifecycle.done.${done}`)) return null;
  return <DoneNotice>{t(`lifecycle.done.${done}`, { name: (search.name ?? name).slice(0, 200) })}</DoneNotice>;
}

/** Publish / archive / restore / delete of one cohort, each saying what it means; `confirmDelete` shows the confirmation. */
export function CohortLifecycle(props: {
  cohort: { id: string; name: string; enrollmentOpensOn: string; enrollmentDeadline: string; archivedAt: Date | null };
  state: CohortState;
  dependents: CohortDependents;
  questions: number;
  programmeArchived: boolean;
  confirmDelete: boolean;
  organisationName: string;
  locale: string;
  t: T;
}) {
  const { cohort, state, dependents: d, locale, t } = props;
  const blockers = [
    d.applications && t("lifecycle.dependents.applications", { count: d.applications }),
    d.pairs && t("lifecycle.dependents.pairs", { count: d.pairs }),
    d.partners && t("lifecycle.dependents.partners", { count: d.partners }),
    d.pendingSignUps && t("lifecycle.dependents.pendingSignUps", { count: d.pendingSignUps }),
  ].filter((x): x is string => Boolean(x));
  return (
    <section aria-labelledby="lifecycle-heading" className="stack">
      <h2 id="lifecycle-heading">
        {t("lifecycle.cohortHeading")} <StateBadge state={state} t={t} />
      </h2>
      {state === "draft" && (
        <div className="notice" id="draft-notice">
          <p>{t("lifecycle.cohortDraft", { organisation: props.organisationName })}</p>
          <p id="publish-hint">
            {t("lifecycle.publishHint", {
              name: cohort.name,
              opens: formatCalendarDate(cohort.enrollmentOpensOn, locale),
              deadline: formatCalendarDate(cohort.enrollmentDeadline, locale),
            })}
          </p>
          <ActionButton action={publishCohortAction} id={cohort.id} locale={locale} label={t("lifecycle.publish")} describedBy="publish-hint" />
        </div>
      )}
      {cohort.archivedAt ? (
        <div className="notice">
          <p id="restore-hint">{props.programmeArchived ? t("lifecycle.cohortArchivedWithProgramme") : t("lifecycle.cohortArchived")}</p>
          {!props.programmeArchived && <ActionButton action={restoreCohortAction} id={cohort.id} locale={locale} label={t("lifecycle.restoreCohort")} describedBy="restore-hint" secondary />}
        </div>
      ) : (
        <div>
          <p className="hint" id="archive-hint">
            {t("lifecycle.archiveCohortHint")}
          </p>
          <ActionButton action={archiveCohortAction} id={cohort.id} locale={locale} label={t("lifecycle.archiveCohort")} describedBy="archive-hint" secondary />
        </div>
      )}
      {blockers.length > 0 ? (
        <p id="delete-refusal">{t("lifecycle.cohortCannotDelete", { what: new Intl.ListFormat(locale, { type: "conjunction" }).format(blockers) })}</p>
      ) : props.confirmDelete ? (
        <div className="notice error" role="group" aria-labelledby="delete-question">
          <p id="delete-question">
            <strong>{t("lifecycle.deleteCohortQuestion", { name: cohort.name, questions: props.questions })}</strong>
          </p>
          <div className="actions">
            <ActionButton action={deleteCohortAction} id={cohort.id} locale={locale} label={t("lifecycle.deleteCohortYes", { name: cohort.name })} />
            <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}`}>
              {t("lifecycle.cancelDelete")}
            </LocaleLink>
          </div>
        </div>
      ) : (
        <p>
          <LocaleLink locale={locale} href={`/coordinator/cohorts/${cohort.id}?confirm=delete#lifecycle-heading`}>
            {t("lifecycle.deleteCohort", { name: cohort.name })}
          </LocaleLink>
        </p>
      )}
    </section>
  );
}

/** Archive / restore / delete of one programme; `confirmDelete` shows the confirmation. */
export function ProgrammeLifecycle(props: { programme: { id: string; name: string; archivedAt: Date | null }; cohorts: number; confirmDelete: boolean; locale: string; t: T }) {
  const { programme, locale, t } = props;
  return (
    <section aria-labelledby="lifecycle-heading" className="stack">
      <h2 id="lifecycle-heading">{t("lifecycle.programmeHeading")}</h2>
      {programme.archivedAt ? (
        <div className="notice">
          <p id="restore-hint">{t("lifecycle.programmeArchived", { date: formatCalendarDate(programme.archivedAt.toISOString().slice(0, 10), locale) })}</p>
          <ActionButton action={restoreProgrammeAction} id={programme.id} locale={locale} label={t("lifecycle.restoreProgramme")} describedBy="restore-hint" secondary />
        </div>
      ) : (
        <div>
          <p className="hint" id="archive-hint">
            {t("lifecycle.archiveProgrammeHint")}
          </p>
          <ActionButton action={archiveProgrammeAction} id={programme.id} locale={locale} label={t("lifecycle.archiveProgramme")} describedBy="archive-hint" secondary />
        </div>
      )}
      {props.cohorts > 0 ? (
        <p id="delete-refusal">{t("lifecycle.programmeCannotDelete", { count: props.cohorts })}</p>
      ) : props.confirmDelete ? (
        <div className="notice error" role="group" aria-labelledby="delete-question">
          <p id="delete-question">
            <strong>{t("lifecycle.deleteProgrammeQuestion", { name: programme.name })}</strong>
          </p>
          <div className="actions">
            <ActionButton action={deleteProgrammeAction} id={programme.id} locale={locale} label={t("lifecycle.deleteProgrammeYes", { name: programme.name })} />
            <LocaleLink locale={locale} href={`/coordinator/programmes/${programme.id}`}>
              {t("lifecycle.cancelDelete")}
            </LocaleLink>
          </div>
        </div>
      ) : (
        <p>
          <LocaleLink locale={locale} href={`/coordinator/programmes/${programme.id}?confirm=delete#lifecycle-heading`}>
            {t("lifecycle.deleteProgramme", { name: programme.name })}
          </LocaleLink>
        </p>
      )}
    </section>
  );
}

/** Archive / restore / delete of one application; `confirmDelete` shows the confirmation. */
export function ApplicationLifecycleSection(props: {
  application: { id: string; name: string; archivedAt: Date | null; cohortArchived: boolean };
  life: ApplicationLifecycle;
  confirmDelete: boolean;
  locale: string;
  t: T;
}) {
  const { application: a, life, locale, t } = props;
  if (props.application.cohortArchived) return null;
  return (
    <section aria-labelledby="lifecycle-heading" className="stack">
      <h2 id="lifecycle-heading">{t("lifecycle.applicationHeading")}</h2>
      {life.keptBecause === "notFinished" && <p>{t("lifecycle.applicationNotFinished")}</p>}
      {a.archivedAt ? (
        <div className="notice">
          <p id="restore-hint">{t("lifecycle.applicationArchived")}</p>
          <ActionButton action={restoreApplicationAction} id={a.id} locale={locale} label={t("lifecycle.restoreApplication")} describedBy="restore-hint" secondary />
        </div>
      ) : (
        life.canArchive && (
          <div>
            <p className="hint" id="archive-hint">
              {t("lifecycle.archiveApplicationHint")}
            </p>
            <ActionButton action={archiveApplicationAction} id={a.id} locale={locale} label={t("lifecycle.archiveApplication")} describedBy="archive-hint" secondary />
          </div>
        )
      )}
      {life.keptBecause === "wasPaired" && <p id="delete-refusal">{t("lifecycle.applicationWasPaired")}</p>}
      {life.canDelete &&
        (props.confirmDelete ? (
          <div className="notice error" role="group" aria-labelledby="delete-question">
            <p id="delete-question">
              <strong>{t("lifecycle.deleteApplicationQuestion", { name: a.name })}</strong>
            </p>
            <div className="actions">
              <ActionButton action={deleteApplicationAction} id={a.id} locale={locale} label={t("lifecycle.deleteApplicationYes", { name: a.name })} />
              <LocaleLink locale={locale} href={`/coordinator/enrollments/${a.id}`}>
                {t("lifecycle.cancelDelete")}
              </LocaleLink>
            </div>
          </div>
        ) : (
          <p>
            <LocaleLink locale={locale} href={`/coordinator/enrollments/${a.id}?confirm=delete#lifecycle-heading`}>
              {t("lifecycle.deleteApplication", { name: a.name })}
            </LocaleLink>
          </p>
        ))}
    </section>
  );
}
