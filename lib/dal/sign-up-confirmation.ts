/**
 * Public sign-ups wait for their address to be proven. The form's answers are kept in
 * `sign_up_requests` and a link is mailed to the address; only when its owner opens the link
 * and confirms is the person admitted (a place, the waitlist or an application), in the order
 * of confirmation. Until then nothing exists for the sign-up elsewhere: no account, no
 * membership, no enrollment, so no count, list or waitlist position can include it.
 */
import crypto from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { enrollments, organisations, signUpRequests, type EnrollmentStatus, type Locale, type SignUpDetails } from "@/db/schema";
import { renderSignUpConfirmation } from "@/emails/sign-up-confirmation";
import { appUrl } from "@/lib/env";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { SignUpInput } from "@/lib/validation/enrollment";
import type { SystemActor } from "./actor";
import { activeEnrollmentOf, admit, detailsOf } from "./admission";
import { normaliseEmail } from "./auth";
import { enterCohortOrganisation, lockCohort, readCohort, signUpOpen, waitlistPosition } from "./enrollment-rules";
import { enqueueMail } from "./mail";
import { isUuid } from "./programmes";
import { inScope, narrowTo, system, tenant } from "./rls";
import type { Tx } from "./tx";

/** A walled scope that sees no organisation yet (narrowed once the token named one). */
const tenant0 = { kind: "tenant", organisationIds: [] } as const;

/** How long a confirmation link works; unconfirmed sign-ups are dropped after it. */
export const CONFIRMATION_HOURS = 24;
const CONFIRMATION_MS = CONFIRMATION_HOURS * 3600_000;

const hashOf = (token: string): string => crypto.createHash("sha256").update(token, "utf8").digest("hex");
/** 32 random bytes in base64url: 43 characters. Anything else cannot be a token. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Keeps a public sign-up until its address is confirmed and mails the link. Signing up again
 * while unconfirmed replaces the answers and the token (the older link stops working) and mails
 * a new link. An address that already holds an enrollment in the cohort is told so, as before.
 */
export async function requestSignUpConfirmation(cohortId: string, input: SignUpInput, opts: { locale: Locale; now: Date }): Promise<void> {
  const email = normaliseEmail(input.email);
  await inScope({ kind: "public" }, async (tx) => {
    await enterCohortOrganisation(tx, cohortId);
    const cohort = await readCohort(tx, cohortId);
    if (cohort.status === "draft" || cohort.archivedAt) throw new NotFoundError();
    if (!signUpOpen(cohort, opts.now)) throw new ConflictError("signUpClosed");
    if (await activeEnrollmentOf(tx, cohort.id, email)) throw new ConflictError("alreadySignedUp", "email");
    const token = crypto.randomBytes(32).toString("base64url");
    const values = {
      locale: opts.locale,
      details: detailsOf(input),
      tokenHash: hashOf(token),
      expiresAt: new Date(opts.now.getTime() + CONFIRMATION_MS),
      confirmedAt: null,
      enrollmentId: null,
      sentAt: opts.now,
    };
    await tx
      .insert(signUpRequests)
      .values({ ...values, organisationId: cohort.organisationId, cohortId: cohort.id, email })
      .onConflictDoUpdate({ target: [signUpRequests.cohortId, signUpRequests.email], set: values });
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, cohort.organisationId));
    const mail = renderSignUpConfirmation(opts.locale, {
      cohort: cohort.name,
      programme: cohort.programmeName,
      organisation: org?.name ?? "",
      url: `${appUrl()}/${opts.locale}/programmes/${cohort.id}/confirm?token=${token}`,
      hours: CONFIRMATION_HOURS,
    });
    await enqueueMail(tx, { ...mail, to: email, locale: opts.locale, template: "sign-up-confirmation", organisationId: cohort.organisationId });
  });
}

/** A signed-in sign-up makes a waiting confirmation for the same address and cohort moot. */
export async function dropWaitingRequest(tx: Tx, cohortId: string, email: string): Promise<void> {
  await tx
    .delete(signUpRequests)
    .where(and(eq(signUpRequests.cohortId, cohortId), eq(signUpRequests.email, email), isNull(signUpRequests.confirmedAt)));
}

interface CohortNames {
  cohortName: string;
  programmeName: string;
  organisationName: string;
}

/** What the confirmation page shows for a token. */
export type SignUpConfirmationView =
  | { state: "invalid" }
  | ({ state: "expired" } & CohortNames)
  | ({ state: "pending"; email: string; admissionMode: "first_come" | "reviewed" } & CohortNames)
  | ({ state: "confirmed"; email: string; status: EnrollmentStatus | null; waitlistPosition: number | null } & CohortNames);

/**
 * For the page the link opens: what is being confirmed (cohort, programme, organisation and the
 * address), or, once confirmed, the enrollment's status now. A token for another cohort than
 * the page's, an unknown, replaced or dropped token is "invalid"; nothing else is revealed.
 */
export async function getSignUpConfirmation(token: string, cohortId: string, now: Date = new Date()): Promise<SignUpConfirmationView> {
  if (!TOKEN.test(token) || !isUuid(cohortId)) return { state: "invalid" };
  return inScope({ kind: "public" }, async (tx) => {
    // A cohort the catalogue does not show: the link is not valid here.
    try {
      await enterCohortOrganisation(tx, cohortId);
    } catch (err) {
      if (err instanceof NotFoundError) return { state: "invalid" } as const;
      throw err;
    }
    const [req] = await tx.select().from(signUpRequests).where(eq(signUpRequests.tokenHash, hashOf(token)));
    if (!req || req.cohortId !== cohortId) return { state: "invalid" } as const;
    const cohort = await readCohort(tx, req.cohortId);
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, cohort.organisationId));
    const names = { cohortName: cohort.name, programmeName: cohort.programmeName, organisationName: org?.name ?? "" };
    if (req.confirmedAt) {
      const e = req.enrollmentId ? await enrollmentStatus(tx, req.enrollmentId) : null;
      return {
        state: "confirmed",
        ...names,
        email: req.email,
        status: e?.status ?? null,
        waitlistPosition: e?.status === "waitlisted" ? await waitlistPosition(tx, cohort.id, e.seq) : null,
      } as const;
    }
    if (req.expiresAt.getTime() <= now.getTime()) return { state: "expired", ...names } as const;
    return { state: "pending", ...names, email: req.email, admissionMode: cohort.admissionMode } as const;
  });
}

async function enrollmentStatus(tx: Tx, enrollmentId: string) {
  const [row] = await tx.select({ status: enrollments.status, seq: enrollments.seq }).from(enrollments).where(eq(enrollments.id, enrollmentId));
  return row ?? null;
}

export interface ConfirmedSignUp {
  enrollmentId: string;
  status: EnrollmentStatus;
  waitlistPosition: number | null;
}

/** What a used request keeps: nothing the person wrote (the enrollment has it now). */
const SCRUBBED: SignUpDetails = {
  name: "",
  employer: "",
  department: "",
  jobTitle: "",
  policyAreas: [],
  languages: [],
  region: null,
  motivation: "",
  availableHalfDays: 0,
  answers: {},
};

/**
 * The owner of the address confirms a public sign-up with the token from the mail. Under the
 * cohort's lock the person is admitted as a signed-in sign-up would be, at this moment: first
 * come (a free place if nobody waits, else the waitlist), or an application on reviewed cohorts.
 * The consent given in the form counts from now, when the address is proven. The token works
 * once. Refusals: NotFoundError (unknown, replaced or dropped token), ConflictError
 * `confirmationUsed`, `confirmationExpired`, `signUpClosed` (the cohort closed since the form
 * was sent; the window itself is judged at the moment the form was sent).
 */
export async function confirmSignUp(token: string, opts: { now?: Date } = {}): Promise<ConfirmedSignUp> {
  if (!TOKEN.test(token)) throw new NotFoundError();
  const hash = hashOf(token);
  // Nothing but the token is known: a walled transaction that sees no organisation asks which
  // organisation holds it (koppel_sign_up_request_organisation, migration 0013) and is narrowed to that one.
  return inScope(tenant0, async (tx) => {
    const found = await tx.execute<{ org: string | null }>(sql`SELECT koppel_sign_up_request_organisation(${hash})::text AS org`);
    const organisationId = found.rows[0]?.org;
    if (!organisationId) throw new NotFoundError();
    await narrowTo(tx, organisationId);
    // The cohort is locked before the request, the order every sign-up path takes.
    const [head] = await tx.select({ cohortId: signUpRequests.cohortId }).from(signUpRequests).where(eq(signUpRequests.tokenHash, hash));
    if (!head) throw new NotFoundError();
    const cohort = await lockCohort(tx, head.cohortId);
    const [req] = await tx.select().from(signUpRequests).where(eq(signUpRequests.tokenHash, hash)).for("update");
    if (!req) throw new NotFoundError();
    // The moment of confirmation is taken under the lock: it is the order of admission.
    const now = opts.now ?? new Date();
    if (req.confirmedAt) throw new ConflictError("confirmationUsed");
    if (req.expiresAt.getTime() <= now.getTime()) throw new ConflictError("confirmationExpired");
    if (cohort.status === "draft" || !signUpOpen(cohort, req.sentAt)) throw new ConflictError("signUpClosed");
    let result: ConfirmedSignUp;
    const already = await activeEnrollmentOf(tx, cohort.id, req.email);
    if (already) {
      // Signed up meanwhile (signed in): the link proves the address, and shows that enrollment.
      result = { enrollmentId: already.id, status: already.status, waitlistPosition: already.status === "waitlisted" ? await waitlistPosition(tx, cohort.id, already.seq) : null };
    } else {
      result = await admit(tx, cohort, { email: req.email, locale: req.locale }, req.details, now);
    }
    // The answers now live in the enrollment; the request keeps only what shows the outcome.
    await tx
      .update(signUpRequests)
      .set({ confirmedAt: now, enrollmentId: result.enrollmentId, details: SCRUBBED })
      .where(eq(signUpRequests.id, req.id));
    return result;
  });
}

/**
 * Koppel's own job: sign-ups not confirmed within the link's lifetime are dropped with their
 * answers (the address can sign up again), and used links are forgotten at the same age.
 * Returns how many were dropped.
 */
export async function dropUnconfirmedSignUps(_actor: SystemActor, now: Date = new Date()): Promise<number> {
  // Which organisations have lapsed requests is read across organisations; each drops its own.
  const due = await inScope(system("sign-up confirmations: organisations with lapsed requests"), (tx) =>
    tx.selectDistinct({ organisationId: signUpRequests.organisationId }).from(signUpRequests).where(lt(signUpRequests.expiresAt, now)),
  );
  let dropped = 0;
  for (const { organisationId } of due) {
    const gone = await inScope(tenant(organisationId), (tx) =>
      tx
        .delete(signUpRequests)
        .where(and(eq(signUpRequests.organisationId, organisationId), lt(signUpRequests.expiresAt, now)))
        .returning({ id: signUpRequests.id }),
    );
    dropped += gone.length;
  }
  return dropped;
}
