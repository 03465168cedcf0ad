import { getTranslations } from "next-intl/server";
import { isDemo } from "@/lib/env";

/**
 * A strip above every page of a demo installation, so nobody mistakes it for the real thing and
 * types real personal data into it. Reads only the environment (no cookies): it keeps public
 * pages cacheable.
 */
export async function DemoBanner({ locale }: { locale: string }) {
  if (!isDemo()) return null;
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <p className="demo-banner" data-testid="demo-banner">
      <strong>{t("demoBannerTitle")}</strong> {t("demoBanner")}
    </p>
  );
}
