import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
    </>
  );
}
