import { getTranslations } from "next-intl/server";
import { switchOrganisation, signOutAction } from "@/app/[locale]/(app)/actions";
import { LocaleLink } from "@/components/locale-link";
import { getCurrentActor } from "@/lib/dal/session";
import { LocaleSwitcher } from "./locale-switcher";
import { MenuToggle } from "./menu-toggle";

/** Who you are, where you work, the language switch and sign-out. */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const role = actor?.current?.role;
  return (
    <header className="site-header">
      <div className="bar">
        <LocaleLink locale={locale} href="/" className="brand">
          Koppel
        </LocaleLink>
        <MenuToggle label={t("common.menu")} />
        {actor && (
          <nav aria-label={t("common.mainNav")}>
            <ul>
              <li>
                <LocaleLink locale={locale} href="/programmes">{t("catalogue.navLink")}</LocaleLink>
              </li>
              {(role === "coordinator" || role === "admin") && (
                <li>
                  <LocaleLink locale={locale} href="/coordinator">{t("nav.programmes")}</LocaleLink>
                </li>
              )}
              {(role === "coordinator" || role === "admin") && (
                <li>
                  <LocaleLink locale={locale} href="/coordinator/partners">{t("partnersAdmin.nav")}</LocaleLink>
                </li>
              )}
              {role === "admin" && (
                <li>
                  <LocaleLink locale={locale} href="/admin/members">{t("nav.members")}</LocaleLink>
                </li>
              )}
              {role === "admin" && (
                <li>
                  <LocaleLink locale={locale} href="/admin/audit">{t("nav.audit")}</LocaleLink>
                </li>
              )}
              {role === "admin" && (
                <li>
                  <LocaleLink locale={locale} href="/admin/organisation">{t("nav.organisation")}</LocaleLink>
                </li>
              )}
              {role === "participant" && (
                <li>
                  <LocaleLink locale={locale} href="/participant">{t("nav.myEnrollments")}</LocaleLink>
                </li>
              )}
              {role === "partner" && (
                <li>
                  <LocaleLink locale={locale} href="/partner">{t("nav.myInitiative")}</LocaleLink>
                </li>
              )}
              <li>
                <LocaleLink locale={locale} href="/settings">{t("settings.nav")}</LocaleLink>
              </li>
            </ul>
          </nav>
        )}
        {!actor && (
          <nav aria-label={t("common.mainNav")}>
            <ul>
              <li>
                <LocaleLink locale={locale} href="/programmes">{t("catalogue.navLink")}</LocaleLink>
              </li>
            </ul>
          </nav>
        )}
        <span className="spacer" />
        <LocaleSwitcher label={t("common.language")} />
        {actor ? (
          <>
            <span className="who">
              {t("common.signedInAs", { name: actor.name ?? actor.email })}
              {actor.current && actor.memberships.length === 1 && (
                <>
                  {" · "}
                  {actor.current.organisationName} ({t(`roles.${actor.current.role}`)})
                </>
              )}
            </span>
            {actor.memberships.length > 1 && (
              <form action={switchOrganisation}>
                <input type="hidden" name="locale" value={locale} />
                <label htmlFor="org-switch" className="visually-hidden">
                  {t("common.organisation")}
                </label>
                <select id="org-switch" name="organisationId" defaultValue={actor.current?.organisationId}>
                  {actor.memberships.map((m) => (
                    <option key={m.organisationId} value={m.organisationId}>
                      {m.organisationName} ({t(`roles.${m.role}`)})
                    </option>
                  ))}
                </select>
                <button type="submit">{t("common.switchOrganisation")}</button>
              </form>
            )}
            <form action={signOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit">{t("common.signOut")}</button>
            </form>
          </>
        ) : (
          <LocaleLink locale={locale} href="/sign-in">{t("common.signIn")}</LocaleLink>
        )}
      </div>
    </header>
  );
}
