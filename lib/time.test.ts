import { describe, expect, it } from "vitest";
import { endOfDayIn, formatCountdown, formatInstant, formatInstantFor, formatter, startOfDayIn, todayIn } from "./time";

describe("deadlines in a cohort's time zone", () => {
  it("closes a Shanghai deadline at 23:59:59.999 Shanghai time (UTC+8)", () => {
    expect(endOfDayIn("2027-05-31", "Asia/Shanghai").toISOString()).toBe("2027-05-31T15:59:59.999Z");
  });

  it("closes an Amsterdam deadline in summer time at 21:59:59.999 UTC", () => {
    expect(endOfDayIn("2027-05-31", "Europe/Amsterdam").toISOString()).toBe("2027-05-31T21:59:59.999Z");
  });

  it("handles the day the clocks go forward (23 hours) and back (25 hours) in Amsterdam", () => {
    // 28 March 2027: 02:00 CET becomes 03:00 CEST.
    const springStart = startOfDayIn("2027-03-28", "Europe/Amsterdam");
    const springEnd = endOfDayIn("2027-03-28", "Europe/Amsterdam");
    expect(springStart.toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(springEnd.toISOString()).toBe("2027-03-28T21:59:59.999Z");
    expect(springEnd.getTime() + 1 - springStart.getTime()).toBe(23 * 3600_000);
    // 31 October 2027: 03:00 CEST becomes 02:00 CET.
    const autumnStart = startOfDayIn("2027-10-31", "Europe/Amsterdam");
    const autumnEnd = endOfDayIn("2027-10-31", "Europe/Amsterdam");
    expect(autumnEnd.toISOString()).toBe("2027-10-31T22:59:59.999Z");
    expect(autumnEnd.getTime() + 1 - autumnStart.getTime()).toBe(25 * 3600_000);
  });

  it("knows which calendar day it is in each zone", () => {
    const instant = new Date("2027-05-31T17:00:00Z");
    expect(todayIn("Asia/Shanghai", instant)).toBe("2027-06-01");
    expect(todayIn("Europe/Amsterdam", instant)).toBe("2027-05-31");
    expect(todayIn("Asia/Bishkek", instant)).toBe("2027-05-31");
  });

  it("shows a deadline with its zone and a countdown", () => {
    const deadline = endOfDayIn("2027-05-31", "Europe/Amsterdam");
    expect(formatInstant(deadline, "en-GB", "Europe/Amsterdam")).toBe("Monday, 31 May 2027 at 23:59 Europe/Amsterdam");
    expect(formatInstant(deadline, "en-GB", "Asia/Shanghai")).toBe("Tuesday, 1 June 2027 at 05:59 Asia/Shanghai");
    expect(formatInstantFor(deadline, "en-GB", "Asia/Shanghai", "Europe/Amsterdam")).toBe("Tuesday, 1 June 2027 at 05:59 Asia/Shanghai (Monday, 31 May 2027 at 23:59 Europe/Amsterdam)");
    expect(formatInstantFor(deadline, "en-GB", "Europe/Amsterdam", "Europe/Amsterdam")).toBe("Monday, 31 May 2027 at 23:59 Europe/Amsterdam");
    expect(formatCountdown(deadline, "en", new Date("2027-05-28T20:00:00Z"))).toBe("in 3 days");
    expect(formatCountdown(deadline, "en", new Date("2027-05-31T19:00:00Z"))).toBe("in 2 hours");
    expect(formatCountdown(deadline, "en", new Date("2027-06-01T00:00:00Z"))).toBeNull();
  });
});

describe("shared formatters", () => {
  it("makes one formatter per locale, key and zone and keeps zones apart", () => {
    const ams = formatter("en", "t|Europe/Amsterdam", () => ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Amsterdam" }));
    const sha = formatter("en", "t|Asia/Shanghai", () => ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Shanghai" }));
    expect(formatter("en", "t|Europe/Amsterdam", () => ({}))).toBe(ams);
    const instant = new Date("2027-03-02T08:00:00Z");
    expect(ams.format(instant)).toBe("09:00");
    expect(sha.format(instant)).toBe("16:00");
  });
});
