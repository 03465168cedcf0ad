import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { getMyApplication, type MyApplication } from "@/lib/dal/my-application";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import type { AnswersFormValues } from "@/lib/validation/enrollment";
import { formatInstant } from "@/lib/time";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AnswersForm } from "../../_components/answers-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "myApplication" }))("title") };
}

/** A checkbox group of one box holds its value or false, of several a list (as the sign-up form does). */
const choices = (options: unknown[], chosen: string[]): string[] | string | false => (options.length > 1 ? chosen : (chosen[0] ?? false));

/** The application's answers as the sign-up form holds them. */
function formValues(app: MyApplication): AnswersFormValues {
  const v = app.values;
  const answers = Object.fromEntries(
    app.questions.map((q) => {
      const a = v.answers[q.id];
      if (q.kind === "multiple_choice") return [q.id, choices(q.options, Array.isArray(a) ? a : [])];
      if (q.kind === "yes_no") return [q.id, a === true ? "yes" : a === false ? "no" : ""];
      return [q.id, typeof a === "string" ? a : ""];
    }),
  );
  return {
    employer: v.employer,
    department: v.department,
    jobTitle: v.jobTitle,
    policyAreas: choices(app.policyAreaOptions, v.policyAreas),
    motivation: v.motivation,
    availableHalfDays: v.availableHalfDays === null ? "" : String(v.availableHalfDays),
    languages: v.languages,
    region: v.region ?? "",
    answers,
  };
}

/** A participant changes the answers of their application while a coordinator has not decided yet. */
export default async function MyApplicationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const [app, viewer] = await Promise.all([guard(getMyApplication(actor, id), locale), getViewerTimeZone(actor)]);
  const zone = viewer.zone ?? "Europe/Amsterdam";
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/participant">
          ← {t("myEnrollments.title")}
        </LocaleLink>
      </p>
      <h1>{t("myApplication.heading", { cohort: app.cohortName })}</h1>
      {app.editable ? (
        <>
          <p>{t("myApplication.lead")}</p>
          <p className="meta">{t("myApplication.lastChanged", { when: formatInstant(app.updatedAt, locale, zone) })}</p>
          <AnswersForm enrollmentId={app.id} policyAreas={app.policyAreaOptions} questions={app.questions} defaults={formValues(app)} />
        </>
      ) : (
        <p className="notice">{t("myApplication.decided")}</p>
      )}
    </>
  );
}
