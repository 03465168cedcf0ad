import { getTranslations } from "next-intl/server";
import { AccountLink } from "./account-link";
import { LocaleLink } from "./locale-link";
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
        <LocaleLink locale={locale} href="/" className="brand">
          Koppel
        </LocaleLink>
        <nav aria-label={t("common.mainNav")}>
          <ul>
            <li>
              <LocaleLink locale={locale} href="/programmes">
                {t("catalogue.navLink")}
              </LocaleLink>
            </li>
          </ul>
        </nav>
        <span className="spacer" />
        <LocaleSwitcher label={t("common.language")} />
        <AccountLink
          locale={locale}
          texts={{ signIn: t("common.signIn"), signedInAs: t.raw("common.signedInAs") as string, myPage: t("common.myPage") }}
        />
      </div>
    </header>
  );
}
