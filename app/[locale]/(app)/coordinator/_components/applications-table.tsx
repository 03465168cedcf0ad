import { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { DECISIONS } from "@/lib/validation/enrollment";
import choice from "@/components/ui/choice-group.module.css";
import styles from "./coordinator.module.css";
import { SelectAll } from "./select-all.client";
import { DataTable } from "@/components/ui/data-table";

/** One row as the server formatted it (dates in the viewer's zone, status in words). */
export interface ApplicationRow {
  id: string;
  name: string;
  email: string;
  employer: string;
  jobTitle: string;
  department: string;
  policyAreas: string;
  status: string;
  signedUp: string;
  signedUpIso: string;
}

/**
 * The applications of one page with checkboxes, and a decision for the ones ticked. Plain server
 * HTML: the form leads to a preview (`…/applications/decide`) that names everyone affected and
 * shows what they will be mailed before anything changes; it works without JavaScript.
 */
export async function ApplicationsTable({ locale, cohortId, rows }: { locale: string; cohortId: string; rows: ApplicationRow[] }) {
  const t = await getTranslations({ locale, namespace: "applications" });
  const r = await getTranslations({ locale, namespace: "review" });
  return (
    <form method="get" action={`/${locale}/coordinator/cohorts/${cohortId}/applications/decide`}>
      <DataTable label={t("caption")}>
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.select}>
              <SelectAll name="ids" label={t("selectAll")} />
            </th>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("employer")}</th>
            <th scope="col">{t("jobTitle")}</th>
            <th scope="col">{t("policyAreas")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("signedUp")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={styles.select}>
                <input type="checkbox" name="ids" value={row.id} aria-label={t("selectPerson", { name: row.name })} />
              </td>
              <td>
                <LocaleLink locale={locale} href={`/coordinator/enrollments/${row.id}`}>
                  {row.name}
                </LocaleLink>
              </td>
              <td>{row.email}</td>
              <td>
                {row.employer}
                {row.department && <span className="meta"> · {row.department}</span>}
              </td>
              <td>{row.jobTitle}</td>
              <td>{row.policyAreas}</td>
              <td>{row.status}</td>
              <td>
                <time dateTime={row.signedUpIso}>{row.signedUp}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className={styles.bulk}>
        <p id="bulk-hint">{t("bulk.hint")}</p>
        <fieldset className={choice.group}>
          <legend>{r("decision")}</legend>
          {DECISIONS.map((d, i) => (
            <div className={choice.choice} key={d}>
              <input type="radio" id={`bulk-decision-${i}`} name="decision" value={d} />
              <label htmlFor={`bulk-decision-${i}`}>{r(`decisions.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="bulk-reason">{r("reason")}</label>
          <p className="hint" id="bulk-reason-hint">
            {r("reasonHint")}
          </p>
          <textarea id="bulk-reason" name="reason" rows={3} maxLength={1000} aria-describedby="bulk-reason-hint" />
        </div>
        <div>
          <button type="submit" aria-describedby="bulk-hint">
            {t("bulk.submit")}
          </button>
        </div>
      </div>
    </form>
  );
}
