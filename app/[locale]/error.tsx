"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  // Rendered inside the root layout only, which has no <main>: the skip link points here.
  return (
    <main id="content" tabIndex={-1}>
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
