"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useErrorText } from "@/components/ui/field";
import styles from "./coordinator.module.css";

/**
 * A group of radio buttons as a fieldset: the legend names the question, each option may have
 * its own hint, and the (localized) error sits below the options and is read with the group.
 */
export function RadioGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  options: { value: string; label: string; hint?: string }[];
  register: UseFormRegisterReturn;
}) {
  const t = useTranslations();
  const errorText = useErrorText()(props.error);
  const describedBy = [props.hint && `${props.id}-hint`, errorText && `${props.id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className={styles.group} aria-describedby={describedBy || undefined}>
      <legend>
        {props.legend}
        {props.required && <span className="meta"> ({t("common.required")})</span>}
      </legend>
      {props.hint && (
        <p className={styles.hint} id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.options.map((o) => {
        const id = `${props.id}-${o.value}`;
        return (
          <div className={styles.choice} key={o.value}>
            <input
              type="radio"
              id={id}
              value={o.value}
              aria-invalid={Boolean(errorText)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
              {...props.register}
            />
            <label htmlFor={id}>{o.label}</label>
            {o.hint && (
              <p className={styles.hint} id={`${id}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        );
      })}
      {errorText && (
        <p className={styles.error} id={`${props.id}-error`}>
          {errorText}
        </p>
      )}
    </fieldset>
  );
}
