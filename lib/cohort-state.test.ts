import { describe, expect, it } from "vitest";
import { cohortState, type CohortStateInput } from "./cohort-state";

// Noon on 1 June 2027 in Amsterdam.
const now = new Date("2027-06-01T10:00:00Z");
const base: CohortStateInput = {
  status: "open",
  archivedAt: null,
  startDate: "2027-09-01",
  endDate: "2028-02-29",
  enrollmentOpensOn: "2027-05-01",
  enrollmentDeadline: "2027-08-01",
  timeZone: "Europe/Amsterdam",
  capacity: 10,
  placesTaken: 3,
};
const state = (over: Partial<CohortStateInput>) => cohortState({ ...base, ...over }, now);

describe("cohortState", () => {
  it("names each state from status, archive mark, dates in the cohort's zone and places", () => {
    expect(state({})).toBe("open");
    expect(state({ placesTaken: 10 })).toBe("full");
    expect(state({ status: "draft" })).toBe("draft");
    expect(state({ status: "draft", archivedAt: now })).toBe("archived");
    expect(state({ archivedAt: now })).toBe("archived");
    expect(state({ enrollmentOpensOn: "2027-06-02" })).toBe("upcoming");
    expect(state({ enrollmentDeadline: "2027-05-31", enrollmentOpensOn: "2027-05-01" })).toBe("closed");
    expect(state({ status: "closed" })).toBe("closed");
    expect(state({ startDate: "2027-06-01" })).toBe("running");
    expect(state({ startDate: "2027-01-01", endDate: "2027-05-31" })).toBe("completed");
    expect(state({ status: "completed" })).toBe("completed");
  });

  it("reads today in the cohort's own zone", () => {
    // 23:30 UTC on 31 May is already 1 June in Shanghai.
    const late = new Date("2027-05-31T23:30:00Z");
    expect(cohortState({ ...base, startDate: "2027-06-01", timeZone: "Asia/Shanghai" }, late)).toBe("running");
    expect(cohortState({ ...base, startDate: "2027-06-01", timeZone: "Europe/Amsterdam" }, late)).toBe("running");
    expect(cohortState({ ...base, startDate: "2027-06-01", timeZone: "America/New_York" }, late)).toBe("open");
  });
});
