"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { useViewer } from "./viewer";

/** "Signed in as …" with a link to the person's own pages, or the sign-in link (also without JavaScript). */
export function AccountLink() {
  const t = useTranslations("common");
  const viewer = useViewer();
  if (!viewer?.signedIn) return <Link href="/sign-in">{t("signIn")}</Link>;
  return (
    <span className="who">
      {t("signedInAs", { name: viewer.name })} · <Link href="/start">{t("myPage")}</Link>
    </span>
  );
}
