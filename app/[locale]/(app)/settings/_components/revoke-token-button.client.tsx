"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/ui/field";
import { useRouter } from "@/i18n/navigation";
import { revokeApiTokenAction } from "../actions";

/** Revokes one token after the person confirms; says so if it fails. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const revoke = () => {
    if (!window.confirm(t("tokens.confirmRevoke", { name }))) return;
    setError(null);
    startTransition(async () => {
      const result = await revokeApiTokenAction({ id }).catch(() => ({ ok: false as const, error: "generic" }));
      if (result.ok) router.refresh();
      else setError(result.error ?? "generic");
    });
  };
  return (
    <>
      <button type="button" onClick={revoke} disabled={pending} aria-label={t("tokens.revokeLabel", { name })}>
        {pending ? t("tokens.revoking") : t("tokens.revoke")}
      </button>
      {error && (
        <span className="error" role="alert">
          {errorText(error)}
        </span>
      )}
    </>
  );
}
