"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { ProfileFields, type ProfileField, type ProfileFormValues } from "@/components/partners/profile-fields";
import { FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Link, useRouter } from "@/i18n/navigation";
import { helpRequestSchema } from "@/lib/validation/partner";
import { updateHelpRequestAction } from "../actions";

/** The owner edits the help request and what pairing uses; errors next to the fields, input kept. */
export function HelpRequestForm({ partnerId, initial, listedAreas }: { partnerId: string; initial: ProfileFormValues; listedAreas: string[] }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<ProfileFormValues>({
    shouldFocusError: false,
    resolver: zodResolver(helpRequestSchema, undefined, { raw: true }) as unknown as Resolver<ProfileFormValues>,
    defaultValues: initial,
  });
  const { onSubmit, formError, done, submitting } = useActionForm(
    form,
    (values) => updateHelpRequestAction(partnerId, values),
    () => router.refresh(),
  );
  const errors = form.formState.errors;
  const formRef = useRef<HTMLFormElement>(null);
  const submitCount = form.formState.submitCount;
  useEffect(() => {
    // The first field with an error in reading order, not in registration order.
    if (submitCount === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first && !first.contains(document.activeElement)) first.focus();
  }, [submitCount]);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate ref={formRef}>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      {done && (
        <FormNotice kind="ok">
          {t("common.saved")} <Link href="/partner">{t("partnerHome.backToStart")}</Link>
        </FormNotice>
      )}
      <ProfileFields register={(name: ProfileField) => form.register(name)} errorAt={(name) => errors[name]?.message} listedAreas={listedAreas} />
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
