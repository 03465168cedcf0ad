"use client";

import { useEffect, useRef } from "react";

/**
 * "Select all" for the checkboxes named `name` in the same form: a few lines of script on a
 * server-rendered table (without JavaScript the boxes are ticked one by one). Shows "some" as
 * indeterminate.
 */
export function SelectAll({ name, label }: { name: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const box = ref.current;
    const form = box?.form;
    if (!box || !form) return;
    const boxes = () => Array.from(form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`));
    const sync = () => {
      const ticked = boxes().filter((b) => b.checked).length;
      box.checked = ticked > 0 && ticked === boxes().length;
      box.indeterminate = ticked > 0 && !box.checked;
    };
    sync();
    form.addEventListener("change", sync);
    return () => form.removeEventListener("change", sync);
  }, [name]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      onChange={(e) => {
        for (const b of e.currentTarget.form?.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`) ?? []) b.checked = e.currentTarget.checked;
      }}
    />
  );
}
