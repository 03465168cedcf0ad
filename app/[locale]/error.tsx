"use client";

import { useErrorTexts } from "@/components/error-texts";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorTexts();
  // Rendered inside the root layout only, which has no <main>: the skip link points here.
  return (
    <main id="content" tabIndex={-1}>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <button type="button" onClick={reset}>
        {t.retry}
      </button>
    </main>
  );
}
