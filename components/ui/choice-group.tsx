"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useErrorText } from "@/components/ui/field";
import styles from "./choice-group.module.css";

/**
 * Radio buttons or checkboxes as a fieldset: the legend names the question, the hint and the
 * (localized) error are read with the group, and every option has its own label.
 */
export function ChoiceGroup(props: {
  id: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  options: { value: string; label: string; hint?: string }[];
  register: UseFormRegisterReturn;
}) {
  const t = useTranslations("common");
  const errorText = useErrorText()(props.error);
  const describedBy = [props.hint && `${props.id}-hint`, errorText && `${props.id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className={styles.group} aria-describedby={describedBy || undefined}>
      <legend>
        {props.legend}
        {props.required && <span className="meta"> ({t("required")})</span>}
      </legend>
      {props.hint && (
        <p className={styles.hint} id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.options.map((o, i) => (
        <div className={styles.choice} key={o.value}>
          <input
            type={props.type}
            id={`${props.id}-${i}`}
            value={o.value}
            aria-invalid={Boolean(errorText)}
            aria-describedby={o.hint ? `${props.id}-${i}-hint` : undefined}
            {...props.register}
          />
          <label htmlFor={`${props.id}-${i}`}>{o.label}</label>
          {o.hint && (
            <p className={styles.hint} id={`${props.id}-${i}-hint`}>
              {o.hint}
            </p>
          )}
        </div>
      ))}
      {errorText && (
        <p className={styles.error} id={`${props.id}-error`}>
          {errorText}
        </p>
      )}
    </fieldset>
  );
}
