import type { getTranslations } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import type { CohortState } from "@/lib/cohort-state";
import { formatCalendarDate } from "@/lib/time";
import { StateBadge } from "./lifecycle";
import { DataTable } from "@/components/ui/data-table";

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
  /** Where the cohort stands (lib/cohort-state.ts). */
  state: CohortState;
  /** When known (the start page): places taken. */
  placesTaken?: number;
}

export function CohortTable({ cohorts, locale, t }: { cohorts: CohortRow[]; locale: string; t: T }) {
  if (cohorts.length === 0) return <p>{t("coordinator.noCohorts")}</p>;
  return (
    <DataTable label={t("coordinator.cohorts")}>
      <thead>
        <tr>
          <th scope="col">{t("coordinator.cohort")}</th>
          <th scope="col">{t("coordinator.programme")}</th>
          <th scope="col">{t("coordinator.dates")}</th>
          <th scope="col">{t("coordinator.deadline")}</th>
          <th scope="col">{t("coordinator.capacity")}</th>
          <th scope="col">{t("lifecycle.state")}</th>
        </tr>
      </thead>
      <tbody>
        {cohorts.map((c) => (
          <tr key={c.id}>
            <td>
              <LocaleLink locale={locale} href={`/coordinator/cohorts/${c.id}`}>{c.name}</LocaleLink>
            </td>
            <td>{c.programmeName}</td>
            <td>
              {formatCalendarDate(c.startDate, locale)} – {formatCalendarDate(c.endDate, locale)}
            </td>
            <td>
              {formatCalendarDate(c.enrollmentDeadline, locale)} <span className="meta">({c.timeZone})</span>
            </td>
            <td>{c.placesTaken === undefined ? c.capacity : t("coordinator.placesOf", { taken: c.placesTaken, capacity: c.capacity })}</td>
            <td>
              <StateBadge state={c.state} t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
