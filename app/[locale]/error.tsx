"use client";

import { useErrorTexts } from "@/components/error-texts";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <button type="button" onClick={reset}>
        {t.retry}
      </button>
    </>
  );
}
