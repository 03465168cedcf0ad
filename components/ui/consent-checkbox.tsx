"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useErrorText } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import styles from "./choice-group.module.css";

/**
 * The required consent box of a public form: the statement (`<namespace>.consent`), a hint that
 * links to the privacy statement (`<namespace>.consentHint`, with a `<link>` tag) and the
 * localized error, all read with the box.
 */
export function ConsentCheckbox({ namespace, error, register }: { namespace: "signUp" | "registerPartner"; error?: string; register: UseFormRegisterReturn }) {
  const t = useTranslations();
  const errorText = useErrorText()(error);
  const describedBy = ["consent-hint", errorText && "consent-error"].filter(Boolean).join(" ");
  return (
    <div>
      <div className={styles.choice}>
        <input type="checkbox" id="consent" aria-invalid={Boolean(errorText)} aria-describedby={describedBy} aria-required {...register} />
        <label htmlFor="consent">
          {t(`${namespace}.consent`)} <span className="meta">({t("common.required")})</span>
        </label>
      </div>
      <p className={styles.hint} id="consent-hint">
        {t.rich(`${namespace}.consentHint`, {
          link: (chunks) => (
            <Link href="/privacy" target="_blank" rel="noopener">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {errorText && (
        <p className={styles.error} id="consent-error">
          {errorText}
        </p>
      )}
    </div>
  );
}
