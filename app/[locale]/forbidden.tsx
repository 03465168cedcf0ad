import { getLocale, getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/public-header";

// Rendered inside the root layout only (not inside a route group's layout), so it brings its own header.
export default async function Forbidden() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "forbidden" });
  return (
    <>
      <PublicHeader locale={locale} />
      <main id="content" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p>{t("lead")}</p>
      </main>
    </>
  );
}
