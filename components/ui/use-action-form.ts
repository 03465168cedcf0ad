"use client";

import { useState, type BaseSyntheticEvent } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/common";

/**
 * Sends validated values to a server action and puts what the server says back on the form:
 * field errors next to their fields (first one focused), anything else above the form.
 * The values stay in the form whatever happens.
 *
 * A date or number field holding what the browser cannot read (31 February, "1e") reports an
 * empty value, which the schema would call "required": such fields get their own message
 * instead, and the form is not sent, so what was typed stays in the field to correct.
 */
export function useActionForm<TValues extends FieldValues, TOut, TResult>(
  form: UseFormReturn<TValues, unknown, TOut>,
  action: (values: TOut) => Promise<ActionResult<TResult>>,
  onSuccess?: (result: { ok: true; data?: TResult }) => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const send = form.handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    let result: ActionResult<TResult>;
    try {
      result = await action(values);
    } catch {
      result = { ok: false, error: "generic" };
    }
    if (result.ok) {
      setDone(true);
      onSuccess?.(result);
      return;
    }
    const entries = Object.entries(result.fieldErrors ?? {});
    entries.forEach(([name, messages], i) => {
      form.setError(name as Path<TValues>, { type: "server", message: messages?.[0] }, { shouldFocus: i === 0 });
    });
    setFormError(result.error ?? "generic");
  });
  const onSubmit = async (e?: BaseSyntheticEvent) => {
    const target: unknown = e?.target;
    const unreadable = target instanceof HTMLFormElement ? Array.from(target.querySelectorAll("input")).filter((i) => i.name && i.validity.badInput) : [];
    if (unreadable.length === 0) return send(e);
    e?.preventDefault();
    setDone(false);
    await form.trigger();
    unreadable.forEach((input, i) => {
      form.setError(input.name as Path<TValues>, { type: "badInput", message: input.type === "number" ? "number" : "dateNotReal" }, { shouldFocus: i === 0 });
    });
    setFormError("fixFields");
  };
  return { onSubmit, formError, done, submitting: form.formState.isSubmitting };
}
