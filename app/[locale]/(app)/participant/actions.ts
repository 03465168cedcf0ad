"use server";

import { revalidatePath } from "next/cache";
import { failureOf, runAction } from "@/lib/actions";
import { respondToOffer, withdrawEnrollment } from "@/lib/dal/enrollments";
import { getMyApplication, updateMyApplication } from "@/lib/dal/my-application";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import type { ActionResult, FieldErrors } from "@/lib/validation/common";
import { answersSchemaFor } from "@/lib/validation/enrollment";
import { myEnrollmentActionSchema, type MyEnrollmentIntent } from "@/lib/validation/my-enrollment";
import { revalidatePublicPages } from "@/lib/public-pages";

/** What the enrollment's buttons show after a submit; also works as a plain form post without JavaScript. */
export interface MyEnrollmentState {
  intent?: MyEnrollmentIntent;
  done?: "accepted" | "declined" | "withdrawn";
  error?: string;
  fieldErrors?: FieldErrors;
  /** The reason as typed, so a refused withdrawal keeps it. */
  reason?: string;
}

const DONE = { accept: "accepted", decline: "declined", withdraw: "withdrawn" } as const;

/** A participant accepts or declines an offered place, or withdraws; the DAL checks it is their own. */
export async function updateMyEnrollmentAction(_prev: MyEnrollmentState, form: FormData): Promise<MyEnrollmentState> {
  const actor = await getCurrentActor();
  const intent = formText(form, "intent");
  const enrollmentId = formText(form, "enrollmentId");
  const input = intent === "withdraw" ? { intent, enrollmentId, reason: formText(form, "reason") } : { intent, enrollmentId };
  const result = await runAction(myEnrollmentActionSchema, input, async (data) => {
    if (data.intent === "withdraw") await withdrawEnrollment(actor, data.enrollmentId, data.reason);
    else await respondToOffer(actor, data.enrollmentId, data.intent === "accept");
  });
  const known = intent === "accept" || intent === "decline" || intent === "withdraw" ? intent : undefined;
  if (result.ok && known) {
    revalidatePath("/[locale]/participant", "page");
    revalidatePublicPages();
    return { intent: known, done: DONE[known] };
  }
  return {
    intent: known,
    error: result.ok ? "invalid" : (result.error ?? "generic"),
    fieldErrors: result.ok ? undefined : result.fieldErrors,
    reason: intent === "withdraw" ? formText(form, "reason") : undefined,
  };
}

/** A participant changes the answers of their own application while it is under review (the DAL refuses once decided). */
export async function updateMyApplicationAction(enrollmentId: string, input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  let schema: ReturnType<typeof answersSchemaFor>;
  try {
    // The same schema as the cohort's sign-up form, built from the stored cohort.
    const app = await getMyApplication(actor, String(enrollmentId));
    schema = answersSchemaFor({ policyAreas: app.policyAreaOptions, questions: app.questions });
  } catch (err) {
    return failureOf(err);
  }
  const result = await runAction(schema, input, (data) => updateMyApplication(actor, String(enrollmentId), data));
  if (result.ok) revalidatePath("/[locale]/(app)/participant", "layout");
  return result;
}
