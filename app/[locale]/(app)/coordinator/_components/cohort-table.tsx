import type { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { CohortPhase } from "@/lib/dal/agenda";
import { formatCalendarDate } from "@/lib/time";

type T = Awaited<ReturnType<typeof getTranslations>>;

interface CohortRow {
  id: string;
  name: string;
  programmeName: string;
  startDate: string;
  endDate: string;
  enrollmentDeadline: string;
  capacity: number;
  timeZone: string;
  /** When known (the start page): the cohort's phase and places taken. */
  phase?: CohortPhase;
  placesTaken?: number;
}

export function CohortTable({ cohorts, locale, t }: { cohorts: CohortRow[]; locale: string; t: T }) {
  if (cohorts.length === 0) return <p>{t("coordinator.noCohorts")}</p>;
  const withPhase = cohorts.some((c) => c.phase);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("coordinator.cohort")}</th>
          <th scope="col">{t("coordinator.programme")}</th>
          {withPhase && <th scope="col">{t("coordinator.phase")}</th>}
          <th scope="col">{t("coordinator.dates")}</th>
          <th scope="col">{t("coordinator.deadline")}</th>
          <th scope="col">{t("coordinator.capacity")}</th>
        </tr>
      </thead>
      <tbody>
        {cohorts.map((c) => (
          <tr key={c.id}>
            <td>
              <LocaleLink locale={locale} href={`/coordinator/cohorts/${c.id}`}>{c.name}</LocaleLink>
            </td>
            <td>{c.programmeName}</td>
            {withPhase && <td>{c.phase ? t(`coordinator.phases.${c.phase}`) : ""}</td>}
            <td>
              {formatCalendarDate(c.startDate, locale)} – {formatCalendarDate(c.endDate, locale)}
            </td>
            <td>
              {formatCalendarDate(c.enrollmentDeadline, locale)} <span className="meta">({c.timeZone})</span>
            </td>
            <td>{c.placesTaken === undefined ? c.capacity : t("coordinator.placesOf", { taken: c.placesTaken, capacity: c.capacity })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
