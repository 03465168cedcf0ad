import type { PublicCohort, PublicCohortSummary, MyEnrollment } from "@/lib/dal/enrollment-queries";
import type { getEnrollmentDetail, listCohortEnrollments } from "@/lib/dal/enrollment-queries";

// What the API shows is spelled out field by field, so a new column never leaks by accident.
// Instants are Date (JSON: ISO 8601 in UTC); calendar dates stay `YYYY-MM-DD` strings.

export function cohortSummaryJson(c: PublicCohortSummary) {
  return {
    id: c.id,
    name: c.name,
    programmeName: c.programmeName,
    organisationName: c.organisationName,
    startDate: c.startDate,
    endDate: c.endDate,
    enrollmentDeadline: c.enrollmentDeadline,
    deadline: c.deadline,
    timeZone: c.timeZone,
    effortHalfDaysMin: c.effortHalfDaysMin,
    effortHalfDaysMax: c.effortHalfDaysMax,
    capacity: c.capacity,
    placesLeft: c.placesLeft,
    admissionMode: c.admissionMode,
  };
}

export function cohortJson(c: PublicCohort) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    open: c.open,
    admissionMode: c.admissionMode,
    programmeName: c.programmeName,
    programmeDescription: c.programmeDescription,
    organisationName: c.organisationName,
    startDate: c.startDate,
    endDate: c.endDate,
    enrollmentOpensOn: c.enrollmentOpensOn,
    enrollmentDeadline: c.enrollmentDeadline,
    deadline: c.deadline,
    timeZone: c.timeZone,
    effortHalfDaysMin: c.effortHalfDaysMin,
    effortHalfDaysMax: c.effortHalfDaysMax,
    durationMonths: c.durationMonths,
    minPartnerMeetings: c.minPartnerMeetings,
    capacity: c.capacity,
    placesLeft: c.placesLeft,
    waitlistLength: c.waitlistLength,
    offerDays: c.offerDays,
    policyAreas: c.policyAreas,
    questions: c.questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, options: q.options, required: q.required })),
  };
}

export function myEnrollmentJson(e: MyEnrollment) {
  return {
    id: e.id,
    cohortId: e.cohortId,
    cohortName: e.cohortName,
    programmeName: e.programmeName,
    organisationName: e.organisationName,
    status: e.status,
    startDate: e.startDate,
    endDate: e.endDate,
    timeZone: e.timeZone,
    waitlistPosition: e.waitlistPosition,
    offerExpiresAt: e.offerExpiresAt,
    createdAt: e.createdAt,
  };
}

type CohortEnrollment = Awaited<ReturnType<typeof listCohortEnrollments>>["rows"][number];

export function cohortEnrollmentJson(e: CohortEnrollment) {
  return {
    id: e.id,
    name: e.name,
    email: e.email,
    employer: e.employer,
    department: e.department,
    jobTitle: e.jobTitle,
    policyAreas: e.policyAreas,
    status: e.status,
    waitlistPosition: e.waitlistPosition,
    offerExpiresAt: e.offerExpiresAt,
    createdAt: e.createdAt,
  };
}

type EnrollmentDetail = Awaited<ReturnType<typeof getEnrollmentDetail>>;

export function enrollmentDetailJson(e: EnrollmentDetail) {
  return {
    id: e.id,
    cohortId: e.cohortId,
    cohortName: e.cohortName,
    timeZone: e.timeZone,
    status: e.status,
    waitlistPosition: e.waitlistPosition,
    name: e.name,
    email: e.email,
    employer: e.employer,
    department: e.department,
    jobTitle: e.jobTitle,
    policyAreas: e.policyAreas,
    motivation: e.motivation,
    availableHalfDays: e.availableHalfDays,
    answers: e.answers,
    questions: e.questions.map((q) => ({ id: q.id, label: q.label, kind: q.kind })),
    consentedAt: e.consentedAt,
    offerExpiresAt: e.offerExpiresAt,
    createdAt: e.createdAt,
    history: e.events.map((ev) => ({
      id: ev.id,
      fromStatus: ev.fromStatus,
      toStatus: ev.toStatus,
      reason: ev.reason,
      at: ev.createdAt,
      by: ev.byEmail ? { name: ev.byName, email: ev.byEmail } : null,
    })),
  };
}

export function page<T>(items: T[], p: { page: number; pageSize: number; total: number }) {
  return { items, page: p.page, pageSize: p.pageSize, total: p.total, pages: Math.max(1, Math.ceil(p.total / p.pageSize)) };
}
