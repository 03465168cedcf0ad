import { describe, expect, it } from "vitest";
import { cohortSchema } from "./cohort";
import { fieldErrorsOf } from "./common";
import { programmeSchema } from "./programme";

const cohort = {
  name: "Voorjaar 2028",
  startDate: "2028-03-01",
  endDate: "2028-08-31",
  enrollmentOpensOn: "2027-11-01",
  enrollmentDeadline: "2028-02-15",
  capacity: "30",
  timeZone: "Europe/Amsterdam",
};

const errorsOf = (schema: typeof cohortSchema | typeof programmeSchema, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("cohort schema", () => {
  it("accepts a valid cohort and turns the capacity into a number", () => {
    expect(cohortSchema.parse(cohort).capacity).toBe(30);
  });
  it("puts each date problem on the field it belongs to", () => {
    expect(errorsOf(cohortSchema, { ...cohort, endDate: "2028-02-01" })).toEqual({ endDate: ["endBeforeStart"] });
    expect(errorsOf(cohortSchema, { ...cohort, enrollmentDeadline: "2027-10-01" })).toEqual({ enrollmentDeadline: ["deadlineBeforeOpening"] });
    expect(errorsOf(cohortSchema, { ...cohort, enrollmentDeadline: "2028-03-02" })).toEqual({ enrollmentDeadline: ["deadlineAfterStart"] });
  });
  it("refuses dates that do not exist, empty fields, unknown zones and bad capacities", () => {
    expect(errorsOf(cohortSchema, { ...cohort, startDate: "2028-02-30" })).toMatchObject({ startDate: ["dateNotReal"] });
    expect(errorsOf(cohortSchema, { ...cohort, startDate: "1999-12-31" })).toMatchObject({ startDate: ["date"] });
    expect(errorsOf(cohortSchema, { ...cohort, startDate: "31-12-2027" })).toMatchObject({ startDate: ["date"] });
    expect(errorsOf(cohortSchema, { ...cohort, name: "   " })).toEqual({ name: ["required"] });
    expect(errorsOf(cohortSchema, { ...cohort, timeZone: "Mars/Olympus" })).toEqual({ timeZone: ["timeZone"] });
    expect(errorsOf(cohortSchema, { ...cohort, capacity: "0" })).toEqual({ capacity: ["tooSmall"] });
    expect(errorsOf(cohortSchema, { ...cohort, capacity: "2.5" })).toEqual({ capacity: ["wholeNumber"] });
    expect(errorsOf(cohortSchema, { ...cohort, capacity: "veel" })).toEqual({ capacity: ["number"] });
  });
  it("accepts the time zones our participants come from", () => {
    for (const timeZone of ["Asia/Shanghai", "Asia/Bishkek", "UTC"]) expect(cohortSchema.safeParse({ ...cohort, timeZone }).success).toBe(true);
  });
});

describe("programme schema", () => {
  const programme = { name: "EP", description: "", effortHalfDaysMin: "3", effortHalfDaysMax: "6", durationMonths: "6", minPartnerMeetings: "1" };
  it("accepts a programme with an effort range", () => {
    expect(programmeSchema.parse(programme)).toMatchObject({ effortHalfDaysMin: 3, effortHalfDaysMax: 6 });
  });
  it("refuses a maximum below the minimum on the maximum's field", () => {
    expect(errorsOf(programmeSchema, { ...programme, effortHalfDaysMax: "2" })).toEqual({ effortHalfDaysMax: ["maxBelowMin"] });
  });
  it("refuses a name of more than 120 characters", () => {
    expect(errorsOf(programmeSchema, { ...programme, name: "x".repeat(121) })).toEqual({ name: ["tooLong"] });
  });
  it("takes the weeks by which a pair should have met (1 to 52), or leaves them out", () => {
    expect(programmeSchema.parse({ ...programme, meetingDueWeeks: "6" }).meetingDueWeeks).toBe(6);
    expect(programmeSchema.parse(programme).meetingDueWeeks).toBeUndefined();
    expect(errorsOf(programmeSchema, { ...programme, meetingDueWeeks: "0" })).toEqual({ meetingDueWeeks: ["tooSmall"] });
    expect(errorsOf(programmeSchema, { ...programme, meetingDueWeeks: "53" })).toEqual({ meetingDueWeeks: ["tooLarge"] });
  });
});
