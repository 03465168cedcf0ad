"use client";

import { useTranslations } from "next-intl";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field, FormNotice, useErrorText } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRouter } from "@/i18n/navigation";
import type { ActionResult } from "@/lib/validation/common";
import { meetingSchema, type MeetingFormValues } from "@/lib/validation/meeting";
import { logMeetingAction } from "../../actions";
import styles from "./log-meeting.module.css";

const MODES = ["in_person", "online"] as const;

/** What the form holds: the duration as hours and minutes, which the schema sees as minutes. */
interface Values {
  startsAt: string;
  hours: string;
  minutes: string;
  mode: string;
  notes: string;
}

/** Where a schema field's error is shown in this form. */
const FIELD_OF: Record<string, keyof Values> = { startsAt: "startsAt", timeZone: "startsAt", durationMinutes: "hours", mode: "mode", notes: "notes" };
/** The form field an error of the schema's field `name` belongs on (own keys only: never Object.prototype's). */
const fieldOf = (name: string): keyof Values => (Object.hasOwn(FIELD_OF, name) ? FIELD_OF[name]! : "startsAt");

/** The meeting as the schema and the server take it: a local date and time in `timeZone`, and minutes. */
function toMeeting(v: Values, timeZone: string): MeetingFormValues {
  const h = v.hours.trim();
  const m = v.minutes.trim();
  const durationMinutes = h === "" && m === "" ? 0 : Number(h || 0) * 60 + Number(m || 0);
  return { startsAt: v.startsAt, timeZone, durationMinutes, mode: (v.mode || undefined) as MeetingFormValues["mode"], notes: v.notes };
}

/** The meeting schema, run on the form's values; its errors placed on this form's fields. */
function resolverFor(timeZone: string): Resolver<Values, unknown, MeetingFormValues> {
  return (values) => {
    const input = toMeeting(values, timeZone);
    const parsed = meetingSchema.safeParse(input);
    if (parsed.success) return { values: input, errors: {} };
    const errors: FieldErrors<Values> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOf(String(issue.path[0]));
      errors[field] ??= { type: "validate", message: issue.message };
    }
    return { values: {}, errors };
  };
}

/** The server's field errors, renamed to this form's fields. */
function onThisForm<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, string[] | undefined> = {};
  for (const [name, messages] of Object.entries(result.fieldErrors)) fieldErrors[fieldOf(name)] ??= messages;
  return { ...result, fieldErrors };
}

/**
 * Log a meeting that took place: when (in the viewer's zone), how long, in person or online, what
 * was done. Errors sit next to their fields and the input stays; on success the form empties.
 */
export function LogMeetingForm(props: { pairId: string; timeZone: string; latest: string; counterpartName: string }) {
  const t = useTranslations("meetingLog");
  const terms = useTranslations("pairingTerms");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<Values, unknown, MeetingFormValues>({
    resolver: resolverFor(props.timeZone),
    defaultValues: { startsAt: "", hours: "", minutes: "", mode: "", notes: "" },
  });
  const { onSubmit, formError, done, submitting } = useActionForm(
    form,
    async (values) => onThisForm(await logMeetingAction(props.pairId, values)),
    () => {
      form.reset();
      router.refresh();
    },
  );
  const errors = form.formState.errors;
  const durationError = errorText(errors.hours?.message);
  const durationDescribed = ["duration-hint", durationError && "duration-error"].filter(Boolean).join(" ");
  return (
    <form className={`stack ${styles.form}`} onSubmit={onSubmit} noValidate>
      <p>{t("formLead", { name: props.counterpartName })}</p>
      {formError && <FormNotice kind="error">{errorText(formError)}</FormNotice>}
      {done && <FormNotice kind="ok">{t("logged", { name: props.counterpartName })}</FormNotice>}
      <Field id="startsAt" label={t("startsAt")} hint={t("startsAtHint", { zone: props.timeZone })} error={errors.startsAt?.message} required>
        {(c) => <input {...c} type="datetime-local" max={props.latest} {...form.register("startsAt")} />}
      </Field>
      <fieldset className={`field ${styles.duration}`}>
        <legend>
          {t("durationLegend")} <span className="meta">({tc("required")})</span>
        </legend>
        <p className="hint" id="duration-hint">
          {t("durationHint")}
        </p>
        <div className={styles.durationInputs}>
          {(["hours", "minutes"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={name}>{t(name === "hours" ? "hoursLabel" : "minutesLabel")}</label>
              <input
                id={name}
                type="number"
                inputMode="numeric"
                min={0}
                max={name === "hours" ? 12 : 59}
                step={1}
                aria-invalid={Boolean(durationError)}
                aria-describedby={durationDescribed}
                {...form.register(name)}
              />
            </div>
          ))}
        </div>
        {durationError && (
          <p className="error" id="duration-error">
            {durationError}
          </p>
        )}
      </fieldset>
      <ChoiceGroup
        id="mode"
        type="radio"
        legend={t("modeLegend")}
        error={errors.mode?.message}
        required
        options={MODES.map((m) => ({ value: m, label: terms(`meetingModes.${m}`) }))}
        register={form.register("mode")}
      />
      <Field id="notes" label={t("notesLabel")} hint={t("notesHint")} error={errors.notes?.message}>
        {(c) => <textarea {...c} rows={4} maxLength={4000} {...form.register("notes")} />}
      </Field>
      <div>
        <button type="submit" disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
