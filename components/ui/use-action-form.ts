"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/validation/common";

/**
 * Sends validated values to a server action and puts what the server says back on the form:
 * field errors next to their fields (first one focused), anything else above the form.
 * The values stay in the form whatever happens.
 */
export function useActionForm<TValues extends FieldValues, TOut, TResult>(
  form: UseFormReturn<TValues, unknown, TOut>,
  action: (values: TOut) => Promise<ActionResult<TResult>>,
  onSuccess?: (result: { ok: true; data?: TResult }) => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const onSubmit = form.handleSubmit(async (values) => {
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
  return { onSubmit, formError, done, submitting: form.formState.isSubmitting };
}
