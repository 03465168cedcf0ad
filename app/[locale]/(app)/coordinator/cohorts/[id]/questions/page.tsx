import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCohort } from "@/lib/dal/cohorts";
import { listQuestions } from "@/lib/dal/questions";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../_components/cohort-header";
import { DeleteQuestionButton } from "../../../_components/delete-question-button";
import { QuestionForm } from "../../../_components/question-form";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "questions" }))("title") };
}

export default async function QuestionsPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "questions" });
  const actor = await getCurrentActor();
  const [cohort, questions] = await guard(Promise.all([getCohort(actor, id), listQuestions(actor, id)]), locale);
  return (
    <>
      <CohortHeader cohort={cohort} current="questions" locale={locale} />
      <h2 id="questions-heading">{t("title")}</h2>
      <p>{t("intro")}</p>
      {questions.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable labelledBy="questions-heading">
          <thead>
            <tr>
              <th scope="col">{t("label")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("requiredColumn")}</th>
              <th scope="col">{t("options")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.id}>
                <td>{q.label}</td>
                <td>{t(`kinds.${q.kind}`)}</td>
                <td>{q.required ? t("yes") : t("no")}</td>
                <td>
                  {q.options.length > 0 ? (
                    <ul>
                      {q.options.map((o) => (
                        <li key={o}>{o}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="meta">—</span>
                  )}
                </td>
                <td>
                  <DeleteQuestionButton questionId={q.id} label={q.label} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h2>{t("addTitle")}</h2>
      <QuestionForm cohortId={cohort.id} />
    </>
  );
}
