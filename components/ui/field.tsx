"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
}

/** A labelled form control with its hint and its (localized) error right below the label. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const t = useTranslations();
  const errorText = useErrorText()(props.error);
  const describedBy = [props.hint && `${props.id}-hint`, errorText && `${props.id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required && <span className="meta"> ({t("common.required")})</span>}
      </label>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children({
        id: props.id,
        "aria-invalid": Boolean(errorText),
        "aria-describedby": describedBy || undefined,
        "aria-required": props.required || undefined,
      })}
      {errorText && (
        <p className="error" id={`${props.id}-error`}>
          {errorText}
        </p>
      )}
    </div>
  );
}

/** Error keys from the shared zod schemas (and the server) turned into the reader's language. */
export function useErrorText(): (key: string | undefined) => string | undefined {
  const t = useTranslations("errors");
  return (key) => (key ? (t.has(key) ? t(key) : t("invalid")) : undefined);
}

/** The message above a form after a failed submit. */
export function FormNotice({ kind, children }: { kind: "ok" | "error"; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
