"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useTwoStepConfirm } from "@/components/ui/use-two-step-confirm";
import { usePathname, useRouter } from "@/i18n/navigation";
import { linkPartnerSchema, type LinkPartnerInput } from "@/lib/validation/partner";
import styles from "../../_components/coordinator.module.css";
import { linkPartnerAction, unlinkPartnerAction } from "../actions";

type Values = z.input<typeof linkPartnerSchema>;

/** Links the partner to one of the organisation's cohorts, with its places there (empty: the partner's own number). */
export function LinkCohortForm(props: { partnerId: string; partnerCapacity: number; cohorts: { id: string; name: string }[] }) {
  const t = useTranslations("partnersAdmin.links");
  const errorText = useErrorText();
  const [linked, setLinked] = useState<string | null>(null);
  const form = useForm<Values, unknown, LinkPartnerInput>({ resolver: zodResolver(linkPartnerSchema), defaultValues: { cohortId: "", capacity: "" } });
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => linkPartnerAction(props.partnerId, values),
    () => {
      const cohortId = form.getValues("cohortId");
      setLinked(props.cohorts.find((c) => c.id === cohortId)?.name ?? "");
      form.reset({ cohortId: "", capacity: "" });
    },
  );
  const err = form.formState.errors;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        setLinked(null);
        return onSubmit(e);
      }}
      noValidate
    >
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div role="status">{linked !== null && <div className="notice ok">{t("linked", { cohort: linked })}</div>}</div>
      <div className="row">
        <Field id="link-cohort" label={t("cohort")} error={err.cohortId?.message} required>
          {(c) => (
            <select {...c} {...form.register("cohortId")}>
              <option value="">{t("chooseCohort")}</option>
              {props.cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="link-capacity" label={t("capacity")} hint={t("capacityDefault", { count: props.partnerCapacity })} error={err.capacity?.message}>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={50} {...form.register("capacity")} />}
        </Field>
      </div>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("linking") : t("link")}
        </button>
      </div>
    </form>
  );
}

/** The places of one linked cohort, changed in place; removing the link asks once more, and the page then says it was removed. */
export function CohortLinkControls(props: { partnerId: string; cohortId: string; cohortName: string; capacity: number }) {
  const t = useTranslations("partnersAdmin.links");
  const errorText = useErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const form = useForm<Values, unknown, LinkPartnerInput>({
    resolver: zodResolver(linkPartnerSchema),
    defaultValues: { cohortId: props.cohortId, capacity: props.capacity },
  });
  const { onSubmit, formError, done, submitting } = useActionForm(form, (values) => linkPartnerAction(props.partnerId, { ...values, cohortId: props.cohortId }));
  const { confirming, setConfirming, confirmRef, startRef } = useTwoStepConfirm();
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const unlink = () =>
    startTransition(async () => {
      setUnlinkError(null);
      let result: Awaited<ReturnType<typeof unlinkPartnerAction>>;
      try {
        result = await unlinkPartnerAction(props.partnerId, props.cohortId);
      } catch {
        result = { ok: false, error: "generic" };
      }
      if (!result.ok) {
        setUnlinkError(result.error ?? "generic");
        setConfirming(false);
        return;
      }
      // The row is gone: the page says what was done, and takes the focus.
      router.replace(`${pathname}?done=unlinked&c=${props.cohortId}`);
    });
  const id = `places-${props.cohortId}`;
  return (
    <div className="stack">
      <form className={styles.search} onSubmit={onSubmit} noValidate aria-label={t("placesFor", { cohort: props.cohortName })}>
        <Field id={id} label={t("places")} error={form.formState.errors.capacity?.message}>
          {(c) => <input {...c} type="number" inputMode="numeric" min={1} max={50} {...form.register("capacity")} />}
        </Field>
        <div className={styles.searchActions}>
          <button type="submit" className="secondary" disabled={submitting}>
            {t("savePlaces")}
            <span className="visually-hidden"> ({props.cohortName})</span>
          </button>
        </div>
      </form>
      {formError && formError !== "fixFields" && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div role="status">{done && <span className="notice ok">{t("placesSaved")}</span>}</div>
      {confirming ? (
        <div className="actions">
          <span id={`unlink-${props.cohortId}`}>{t("confirmUnlink", { cohort: props.cohortName })}</span>
          <button ref={confirmRef} type="button" onClick={unlink} disabled={pending} aria-describedby={`unlink-${props.cohortId}`}>
            {pending ? t("unlinking") : t("yesUnlink")}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <div>
          <button ref={startRef} type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t("unlink")}
            <span className="visually-hidden"> ({props.cohortName})</span>
          </button>
        </div>
      )}
      {unlinkError && (
        <p className={styles.error} role="alert">
          {errorText(unlinkError)}
        </p>
      )}
    </div>
  );
}
