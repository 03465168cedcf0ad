import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { AccountLink } from "./account-link";
import { LocaleSwitcher } from "./locale-switcher";

/**
 * The header of public (cached) pages: the same for everyone, so it reads no cookie. Who is
 * signed in is filled in by the browser (AccountLink); the full header with the person's
 * navigation is components/site-header.tsx, on signed-in pages.
 */
export async function PublicHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale });
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          Koppel
        </Link>
        <nav aria-label={t("common.mainNav")}>
          <ul>
            <li>
              <Link href="/programmes">{t("catalogue.navLink")}</Link>
            </li>
          </ul>
        </nav>
        <span className="spacer" />
        <LocaleSwitcher label={t("common.language")} />
        <AccountLink />
      </div>
    </header>
  );
}
