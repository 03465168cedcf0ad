"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { usePathname, useRouter } from "@/i18n/navigation";
import { partnerDecisionSchema, type PartnerDecision, type PartnerDecisionInput } from "@/lib/validation/partner";
import { decidePartnerAction } from "../actions";

type Values = z.input<typeof partnerDecisionSchema>;

/**
 * Approve or decline a partner, with an optional reason for its owner. Only the decisions that
 * change something are offered; afterwards the page says what was done (the form may be gone).
 */
export function PartnerDecisionForm(props: { partnerId: string; partnerName: string; status: "pending" | "approved" | "declined" }) {
  const t = useTranslations("partnersAdmin.decision");
  const errorText = useErrorText();
  const router = useRouter();
  const pathname = usePathname();
  const form = useForm<Values, unknown, PartnerDecisionInput>({
    resolver: zodResolver(partnerDecisionSchema),
    defaultValues: { decision: props.status === "approved" ? "decline" : "approve", reason: "" },
  });
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => decidePartnerAction(props.partnerId, values),
    (result) => {
      const params = new URLSearchParams(window.location.search);
      params.set("done", result.data?.decision === "decline" ? "declined" : "approved");
      params.set("p", props.partnerId);
      router.replace(`${pathname}?${params.toString()}`);
    },
  );
  const decisions: PartnerDecision[] = props.status === "pending" ? ["approve", "decline"] : props.status === "approved" ? ["decline"] : ["approve"];
  const id = `decision-${props.partnerId}`;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("formLabel", { name: props.partnerName })}>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <Field id={`${id}-reason`} label={t("reason")} hint={t("reasonHint")} error={form.formState.errors.reason?.message}>
        {(c) => <textarea {...c} rows={2} {...form.register("reason")} />}
      </Field>
      <div className="actions">
        {decisions.map((d) => (
          <button
            key={d}
            type="submit"
            className={d === "decline" ? "secondary" : undefined}
            disabled={submitting}
            onClick={() => form.setValue("decision", d)}
          >
            {t(d)}
            <span className="visually-hidden"> {props.partnerName}</span>
          </button>
        ))}
      </div>
    </form>
  );
}
