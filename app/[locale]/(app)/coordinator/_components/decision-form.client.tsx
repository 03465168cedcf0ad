"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { decisionSchema, type DecisionFormValues, type DecisionInput } from "@/lib/validation/enrollment";
import { decideEnrollmentsAction, type DecisionOutcome } from "../actions";
import { DecisionFields } from "./decision-fields";

/** A decision on one application; a refusal (no places left, withdrawn) is said above the form. */
export function DecisionForm({ cohortId, enrollmentId }: { cohortId: string; enrollmentId: string }) {
  const t = useTranslations("review");
  const errorText = useErrorText();
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<DecisionFormValues, unknown, DecisionInput>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { ids: [enrollmentId], reason: "" },
  });
  const explain = (o: DecisionOutcome): { kind: "ok" | "error"; text: string } => {
    const refused = o.refused[0]?.reason;
    if (refused === "full") return { kind: "error", text: t("single.full") };
    if (refused === "withdrawn") return { kind: "error", text: t("single.withdrawn") };
    if (refused === "notFound") return { kind: "error", text: errorText("notFound") ?? "" };
    if (o.unchanged.length > 0) return { kind: "ok", text: t("single.unchanged") };
    const done = t(`single.${o.decision}`);
    return { kind: "ok", text: o.offered > 0 ? `${done} ${t("outcome.offeredSentence", { count: o.offered })}` : done };
  };
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => decideEnrollmentsAction(cohortId, { ...values, ids: [enrollmentId] }),
    (result) => {
      if (!result.data) return;
      const n = explain(result.data);
      setNotice(n);
      // A refused decision keeps the reason typed; a done one starts the next afresh.
      if (n.kind === "ok") form.reset({ ids: [enrollmentId], reason: "" });
    },
  );
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        setNotice(null);
        return onSubmit(e);
      }}
      noValidate
    >
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      {notice?.kind === "error" && <FormNotice kind="error">{notice.text}</FormNotice>}
      <div role="status">{notice?.kind === "ok" && <div className="notice ok">{notice.text}</div>}</div>
      <DecisionFields form={form} idPrefix="" />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
