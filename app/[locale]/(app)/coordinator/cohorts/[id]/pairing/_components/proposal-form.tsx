"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { Link, useRouter } from "@/i18n/navigation";
import type { ProposalFailure } from "@/lib/dal/pairs";
import { applyProposalSchema } from "@/lib/validation/pairing";
import styles from "../../../../_components/coordinator.module.css";
import { applyProposalAction } from "../actions";
import { DataTable } from "@/components/ui/data-table";

/**
 * One participant of the draft, as the server worded it. Partners are referred to by their place
 * in the form's `partners` list, not by id: 500 rows of ten choices stay a light page.
 */
export interface DraftRow {
  enrollmentId: string;
  participantName: string;
  /** Index of the proposed partner in `partners`, or -1 when the proposal leaves the participant unpaired. */
  proposed: number;
  score: number | null;
  /** The scale of this participant's scores: "17 of 30". */
  maxScore: number;
  /** The reasons for the proposed partner, or why nobody was proposed, in words. */
  why: string[];
  /** The other partners the select offers (best eligible ones, best first), as [index in `partners`, match score]. */
  options: [number, number][];
}

/** Rows rendered before "Show all": a cohort of 500 stays a light page. */
const FIRST_ROWS = 50;

/** Each row's choice: a partner's index in `partners` as text, or "" for no partner. */
type Values = { rows: { partner: string }[] };

/**
 * The proposal as a draft: one partner select per participant, preselected with the proposal and
 * offering only that participant's best other partners (and no partner), so a large cohort stays
 * a light page. "Apply these pairs" makes all of them in one step or none; a refusal says per
 * pair what failed. `partners` names every partner the rows offer, with its places left.
 */
export function ProposalForm({ cohortId, rows, partners }: { cohortId: string; rows: DraftRow[]; partners: { id: string; name: string; left: number }[] }) {
  const t = useTranslations("pairingBoard.proposal");
  const errorText = useErrorText();
  const router = useRouter();
  const [failures, setFailures] = useState<ProposalFailure[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // A row's other partners become <option>s only once its select is reached (focus, pointer or
  // key): 500 rows of ten options each made the page half a megabyte.
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  // The first rows only until asked (or a refusal concerns a later row): every row is applied either way.
  const [showAll, setShowAll] = useState(rows.length <= FIRST_ROWS);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const open = (i: number) => {
    if (!opened.has(i)) setOpened((prev) => new Set(prev).add(i));
  };
  const valueOf = (j: number): string => (j >= 0 ? String(j) : "");
  const form = useForm<Values>({ defaultValues: { rows: rows.map((r) => ({ partner: valueOf(r.proposed) })) } });
  const chosen = useWatch({ control: form.control, name: "rows" });
  const partnerAt = (value: string | undefined) => (value ? partners[Number(value)] : undefined);
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const rowOf = new Map(rows.map((r, i) => [r.enrollmentId, i]));

  // More chosen than places free: said while editing; the server checks again when applying.
  const counts = new Map<string, number>();
  for (const r of chosen) {
    const p = partnerAt(r.partner);
    if (p) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  }
  const over = partners.filter((p) => (counts.get(p.id) ?? 0) > p.left);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailures([]);
    setFormError(null);
    form.clearErrors();
    const pairs = values.rows.flatMap((r, i) => {
      const p = partnerAt(r.partner);
      return p ? [{ enrollmentId: rows[i]!.enrollmentId, partnerId: p.id }] : [];
    });
    const parsed = applyProposalSchema.safeParse({ pairs });
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? "invalid");
      summaryRef.current?.focus();
      return;
    }
    let result: Awaited<ReturnType<typeof applyProposalAction>>;
    try {
      result = await applyProposalAction(cohortId, parsed.data);
    } catch {
      result = { ok: false, error: "generic" };
    }
    if (result.ok && result.data?.applied) {
      router.push(`/coordinator/cohorts/${cohortId}/pairing?done=applied&n=${result.data.pairIds.length}`);
      return;
    }
    if (result.ok && result.data && !result.data.applied) {
      setFailures(result.data.failures);
      setShowAll(true);
      for (const f of result.data.failures) {
        const i = rowOf.get(f.enrollmentId);
        if (i !== undefined) form.setError(`rows.${i}.partner`, { type: "server", message: f.reason });
      }
    } else {
      setFormError(result.ok ? "generic" : (result.error ?? "generic"));
    }
    summaryRef.current?.focus();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div ref={summaryRef} tabIndex={-1}>
        {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
        {failures.length > 0 && (
          <FormNotice kind="error">
            <p>{t("refused", { count: failures.length })}</p>
            <ul>
              {failures.map((f) => (
                <li key={f.enrollmentId}>
                  {t("failure", {
                    participant: rows[rowOf.get(f.enrollmentId) ?? -1]?.participantName ?? "",
                    partner: partnerById.get(f.partnerId)?.name ?? "",
                    reason: errorText(f.reason) ?? "",
                  })}
                </li>
              ))}
            </ul>
          </FormNotice>
        )}
      </div>
      <DataTable label={t("caption")}>
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("participant")}</th>
            <th scope="col">{t("partner")}</th>
            <th scope="col">{t("score")}</th>
            <th scope="col">{t("why")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => {
            const value = chosen[i]?.partner ?? "";
            const changed = value !== valueOf(r.proposed);
            const score = changed ? r.options.find(([j]) => valueOf(j) === value)?.[1] : r.score;
            const others = opened.has(i) || changed ? r.options.map(([j]) => j) : [];
            const choices = r.proposed >= 0 ? [r.proposed, ...others] : others;
            const error = errorText(form.formState.errors.rows?.[i]?.partner?.message);
            const selectId = `draft-${i}`;
            return (
              <tr key={r.enrollmentId}>
                <th scope="row">{r.participantName}</th>
                <td>
                  <label htmlFor={selectId} className="visually-hidden">
                    {t("partnerFor", { name: r.participantName })}
                  </label>
                  <select
                    id={selectId}
                    defaultValue={valueOf(r.proposed)}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `${selectId}-error` : undefined}
                    onFocus={() => open(i)}
                    onPointerDown={() => open(i)}
                    onKeyDown={() => open(i)}
                    {...form.register(`rows.${i}.partner`)}
                  >
                    <option value="">{t("none")}</option>
                    {choices.map((j) => {
                      const p = partners[j];
                      return p ? (
                        <option key={j} value={j}>
                          {t("partnerOption", { name: p.name, left: p.left })}
                        </option>
                      ) : null;
                    })}
                  </select>
                  {error && (
                    <p className={styles.error} id={`${selectId}-error`}>
                      {error}
                    </p>
                  )}
                </td>
                <td>{score !== undefined && score !== null ? t("scoreOf", { score, max: r.maxScore }) : <span className="meta">—</span>}</td>
                <td>
                  {changed ? (
                    <p>{r.proposed >= 0 ? t("changedFrom", { partner: partners[r.proposed]?.name ?? "" }) : t("changed")}</p>
                  ) : (
                    <ul className={styles.reasons}>
                      {r.why.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {!showAll && (
        <p>
          {t("shownOf", { shown: FIRST_ROWS, count: rows.length })}{" "}
          <button type="button" onClick={() => setShowAll(true)}>
            {t("showAll", { count: rows.length })}
          </button>
        </p>
      )}
      <div className={styles.bulk}>
        <p>
          <strong>{t("chosen", { count: total })}</strong>
        </p>
        <div role="status">
          {over.length > 0 && (
            <ul>
              {over.map((p) => (
                <li key={p.id}>{t("overCapacity", { name: p.name, chosen: counts.get(p.id) ?? 0, left: p.left })}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("applying") : t("apply")}
          </button>
          <Link href={`/coordinator/cohorts/${cohortId}/pairing`}>{t("cancel")}</Link>
        </div>
      </div>
    </form>
  );
}
