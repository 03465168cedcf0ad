"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { runAction } from "@/lib/actions";
import { changeMemberRole, inviteMember, removeMember, resendInvitation } from "@/lib/dal/members";
import { getCurrentActor } from "@/lib/dal/session";
import { formText } from "@/lib/form-data";
import type { ActionResult } from "@/lib/validation/common";
import { inviteSchema, memberRoleSchema, removeMemberSchema } from "@/lib/validation/member";

const MEMBERS = "/[locale]/admin/members";

export async function inviteMemberAction(input: unknown): Promise<ActionResult> {
  const actor = await getCurrentActor();
  const result = await runAction(inviteSchema, input, (data) => inviteMember(actor, data));
  if (result.ok) revalidatePath(MEMBERS, "page");
  return result;
}

const localeOf = (form: FormData): string => {
  const l = formText(form, "locale");
  return hasLocale(routing.locales, l) ? l : routing.defaultLocale;
};

/** Back to the members page, which says what was done (`done`, for `who`) or why not (`refused`, a message key). */
function backToMembers(form: FormData, outcome: Record<string, string>): never {
  revalidatePath(MEMBERS, "page");
  redirect(`/${localeOf(form)}/admin/members?${new URLSearchParams(outcome).toString()}`);
}

/** The message key of a refusal; these forms have no free field, so a field's error is the form's. */
const refusalOf = (result: ActionResult<unknown>): string =>
  result.ok ? "generic" : (Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error ?? "generic");

/** Gives a member another role; a server form, so it works without JavaScript. */
export async function changeMemberRoleAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const result = await runAction(memberRoleSchema, { membershipId: formText(form, "membershipId"), role: formText(form, "role") }, (data) =>
    changeMemberRole(actor, data.membershipId, data.role),
  );
  backToMembers(form, result.ok && result.data ? { done: "roleChanged", who: result.data.email, role: result.data.role } : { refused: refusalOf(result) });
}

/** Removes a member after the page asked to confirm; an admin who removed themself goes to their start page. */
export async function removeMemberAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const result = await runAction(removeMemberSchema, { membershipId: formText(form, "membershipId") }, (data) => removeMember(actor, data.membershipId));
  if (result.ok && result.data?.userId === actor?.userId) {
    revalidatePath("/[locale]", "layout");
    redirect(`/${localeOf(form)}/start`);
  }
  backToMembers(form, result.ok && result.data ? { done: "removed", who: result.data.email } : { refused: refusalOf(result) });
}

/** Sends the invitation again to a member who has not signed in yet. */
export async function resendInvitationAction(form: FormData): Promise<void> {
  const actor = await getCurrentActor();
  const result = await runAction(removeMemberSchema, { membershipId: formText(form, "membershipId") }, (data) => resendInvitation(actor, data.membershipId));
  backToMembers(form, result.ok && result.data ? { done: "resent", who: result.data.email } : { refused: refusalOf(result) });
}
