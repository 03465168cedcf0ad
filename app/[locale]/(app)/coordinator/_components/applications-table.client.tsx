"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Link } from "@/i18n/navigation";
import { decisionSchema, type DecisionFormValues, type DecisionInput } from "@/lib/validation/enrollment";
import { decideEnrollmentsAction } from "../actions";
import styles from "./coordinator.module.css";
import { DecisionFields, useOutcomeText } from "./decision-fields";
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

/** The applications of one page with checkboxes, and a decision for the ones ticked. */
export function ApplicationsTable({ cohortId, rows }: { cohortId: string; rows: ApplicationRow[] }) {
  const t = useTranslations("applications");
  const errorText = useErrorText();
  const outcomeText = useOutcomeText();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  // Only what is ticked on the page shown counts (a ticked row may have left it after a refresh).
  const ids = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const all = rows.length > 0 && ids.length === rows.length;
  const some = ids.length > 0 && !all;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);

  const form = useForm<DecisionFormValues, unknown, DecisionInput>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { ids: [], reason: "" },
  });
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => decideEnrollmentsAction(cohortId, values),
    (result) => {
      if (result.data) setOutcome(outcomeText(result.data));
      setSelected(new Set());
      form.reset({ ids: [], decision: form.getValues("decision"), reason: "" });
    },
  );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    setOutcome(null);
    form.setValue("ids", ids);
    return onSubmit(e);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const idsError = errorText(form.formState.errors.ids?.message);

  return (
    <form onSubmit={submit} noValidate>
      <DataTable label={t("caption")}>
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.select}>
              <input
                ref={selectAll}
                type="checkbox"
                aria-label={t("selectAll")}
                checked={all}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
              />
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
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={styles.select}>
                <input
                  type="checkbox"
                  aria-label={t("selectPerson", { name: r.name })}
                  checked={selected.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
              </td>
              <td>
                <Link href={`/coordinator/enrollments/${r.id}`}>{r.name}</Link>
              </td>
              <td>{r.email}</td>
              <td>
                {r.employer}
                {r.department && <span className="meta"> · {r.department}</span>}
              </td>
              <td>{r.jobTitle}</td>
              <td>{r.policyAreas}</td>
              <td>{r.status}</td>
              <td>
                <time dateTime={r.signedUpIso}>{r.signedUp}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div role="status">{outcome && <div className="notice ok">{outcome}</div>}</div>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div className={styles.bulk}>
        <p id="bulk-ids">
          <strong>{t("bulk.selected", { count: ids.length })}</strong>
        </p>
        {idsError && (
          <p className={styles.error} id="bulk-ids-error">
            {idsError}
          </p>
        )}
        <DecisionFields form={form} idPrefix="bulk-" />
        <div>
          <button type="submit" disabled={submitting} aria-describedby={idsError ? "bulk-ids bulk-ids-error" : "bulk-ids"}>
            {submitting ? t("bulk.submitting") : t("bulk.submit")}
          </button>
        </div>
      </div>
    </form>
  );
}
