"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRouter } from "@/i18n/navigation";
import { invitePartnerSchema, type InvitePartnerFormValues, type InvitePartnerInput } from "@/lib/validation/partner";
import { invitePartnerAction } from "../actions";
import { PartnerFields } from "./partner-fields";

const LOCALES = invitePartnerSchema.shape.ownerLocale.unwrap().options;

/** A coordinator puts a partner on Koppel, approved at once; its owner is invited by mail. */
export function InvitePartnerForm({ knownAreas }: { knownAreas: string[] }) {
  const t = useTranslations("partnersAdmin.invitePage");
  const tl = useTranslations("locales");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<InvitePartnerFormValues, unknown, InvitePartnerInput>({
    resolver: zodResolver(invitePartnerSchema),
    defaultValues: {
      kind: "initiative",
      name: "",
      aliases: "",
      description: "",
      website: "",
      location: "",
      region: "",
      helpRequest: "",
      policyAreas: [],
      otherPolicyAreas: "",
      languages: ["nl"],
      capacityPerCohort: 1,
      contactEmail: "",
      contactPhone: "",
      ownerName: "",
      ownerEmail: "",
      ownerLocale: "nl",
    },
  });
  const { onSubmit, formError, submitting } = useActionForm(
    form,
    (values) => invitePartnerAction(values),
    (result) => {
      if (result.data) router.push(`/coordinator/partners/${result.data.id}?done=invited`);
    },
  );
  const err = form.formState.errors;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      <h2>{t("partner")}</h2>
      <PartnerFields form={form} knownAreas={knownAreas} helpRequestRequired={false} />
      <h2>{t("owner")}</h2>
      <p>{t("ownerLead")}</p>
      <div className="row">
        <Field id="ownerName" label={t("ownerName")} error={err.ownerName?.message} required>
          {(c) => <input {...c} autoComplete="off" {...form.register("ownerName")} />}
        </Field>
        <Field id="ownerEmail" label={t("ownerEmail")} hint={t("ownerEmailHint")} error={err.ownerEmail?.message} required>
          {(c) => <input {...c} type="email" autoComplete="off" {...form.register("ownerEmail")} />}
        </Field>
      </div>
      <Field id="ownerLocale" label={t("ownerLocale")} hint={t("ownerLocaleHint")} error={err.ownerLocale?.message} required>
        {(c) => (
          <select {...c} {...form.register("ownerLocale")}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
