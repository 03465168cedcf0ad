"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { partnerEditSchema, type PartnerEditInput } from "@/lib/validation/partner";
import { updatePartnerAction } from "../actions";
import { PartnerFields } from "./partner-fields";

export type PartnerEditValues = z.input<typeof partnerEditSchema>;

/** A coordinator edits a partner: name, kind, other names and everything pairing matches on. */
export function PartnerEditForm({ partnerId, initial, knownAreas }: { partnerId: string; initial: PartnerEditValues; knownAreas: string[] }) {
  const t = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<PartnerEditValues, unknown, PartnerEditInput>({ resolver: zodResolver(partnerEditSchema), defaultValues: initial });
  const { onSubmit, formError, done, submitting } = useActionForm(form, (values) => updatePartnerAction(partnerId, values));
  const extraLanguages = Array.isArray(initial.languages) ? initial.languages.filter((l): l is string => typeof l === "string") : [];
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <div role="status">{done && <div className="notice ok">{t("saved")}</div>}</div>
      <PartnerFields form={form} knownAreas={knownAreas} extraLanguages={extraLanguages} helpRequestRequired />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
