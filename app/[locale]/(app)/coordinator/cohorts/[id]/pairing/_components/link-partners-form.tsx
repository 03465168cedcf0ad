"use client";

import { DataTable } from "@/components/ui/data-table";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { linkPartnersFormAction, type LinkPartnersState } from "../actions";

interface Linkable {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  areas: string;
  capacityPerCohort: number;
}

/**
 * Link several approved partners to the cohort at once: tick them, adjust each one's places, send
 * once. A plain form (works without JavaScript); the answer names who was linked, and a refusal
 * keeps what was ticked and typed with the message next to the field it is about.
 */
export function LinkPartnersForm({ cohortId, partners, total }: { cohortId: string; partners: Linkable[]; total: number }) {
  const t = useTranslations("pairingBoard.linkPartners");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<LinkPartnersState, FormData>(linkPartnersFormAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (state.linked || state.changed) doneRef.current?.focus();
  }, [state]);
  const chosen = new Set(state.chosen ?? []);
  const fieldError = (key: string) => errorText(state.fieldErrors?.[key]?.[0]);
  const formError = state.error && state.error !== "fixFields" ? errorText(state.error) : state.error === "fixFields" ? errorText("fixFields") : undefined;
  const names = (l: { name: string; capacity: number }[]) => l.map((x) => t("nameWithPlaces", { name: x.name, places: x.capacity })).join(", ");
  const done = state.linked || state.changed;
  const partnerError = fieldError("partner");

  return (
    <section aria-labelledby="link-heading">
      <h2 id="link-heading">{t("title")}</h2>
      {done && (
        <div className="notice ok" role="status" tabIndex={-1} ref={doneRef}>
          {state.linked && state.linked.length > 0 && <p>{t("linked", { count: state.linked.length, names: names(state.linked) })}</p>}
          {state.changed && state.changed.length > 0 && <p>{t("changed", { count: state.changed.length, names: names(state.changed) })}</p>}
        </div>
      )}
      {partners.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <form action={action} ref={formRef} className="stack" key={JSON.stringify(state)}>
          <input type="hidden" name="cohortId" value={cohortId} />
          <p>{t("lead")}</p>
          {total > partners.length && <p className="meta">{t("firstOf", { shown: partners.length, total })}</p>}
          {formError && <FormNotice kind="error">{formError}</FormNotice>}
          <fieldset aria-describedby={partnerError ? "link-partner-error" : undefined}>
            <legend>{t("legend")}</legend>
            {partnerError && (
              <p className="error" id="link-partner-error">
                {partnerError}
              </p>
            )}
            <DataTable label={t("legend")}>
              <thead>
                <tr>
                  <th scope="col">{t("partner")}</th>
                  <th scope="col">{t("areas")}</th>
                  <th scope="col">{t("places")}</th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => {
                  const err = fieldError(`places.${p.id}`);
                  return (
                    <tr key={p.id}>
                      <th scope="row">
                        <input type="checkbox" id={`link-${p.id}`} name="partner" value={p.id} defaultChecked={chosen.has(p.id)} aria-invalid={Boolean(partnerError)} />{" "}
                        <label htmlFor={`link-${p.id}`}>{p.name}</label>
                        <span className="meta"> · {p.kindLabel}</span>
                      </th>
                      <td>{p.areas}</td>
                      <td>
                        <label htmlFor={`places-${p.id}`} className="visually-hidden">
                          {t("placesFor", { name: p.name })}
                        </label>
                        <input
                          id={`places-${p.id}`}
                          name={`places.${p.id}`}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={50}
                          step={1}
                          size={4}
                          defaultValue={state.places?.[p.id] ?? String(p.capacityPerCohort)}
                          aria-invalid={Boolean(err)}
                          aria-describedby={err ? `places-${p.id}-error` : undefined}
                        />
                        {err && (
                          <p className="error" id={`places-${p.id}-error`}>
                            {err}
                          </p>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          </fieldset>
          <div>
            <button type="submit" disabled={pending}>
              {pending ? t("working") : t("submit")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
