import { getTranslations } from "next-intl/server";
import { switchOrganisation, signOutAction } from "@/app/[locale]/(app)/actions";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/dal/session";
import { LocaleSwitcher } from "./locale-switcher";

/** Who you are, where you work, the language switch and sign-out. */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const role = actor?.current?.role;
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          Koppel
        </Link>
        {actor && (
          <nav aria-label={t("common.mainNav")}>
            <ul>
              <li>
                <Link href="/programmes">{t("catalogue.navLink")}</Link>
              </li>
              {(role === "coordinator" || role === "admin") && (
                <li>
                  <Link href="/coordinator">{t("nav.programmes")}</Link>
                </li>
              )}
              {(role === "coordinator" || role === "admin") && (
                <li>
                  <Link href="/coordinator/partners">{t("partnersAdmin.nav")}</Link>
                </li>
              )}
              {role === "admin" && (
                <li>
                  <Link href="/admin/members">{t("nav.members")}</Link>
                </li>
              )}
              {role === "admin" && (
                <li>
                  <Link href="/admin/audit">{t("nav.audit")}</Link>
                </li>
              )}
              {role === "participant" && (
                <li>
                  <Link href="/participant">{t("nav.myEnrollments")}</Link>
                </li>
              )}
              {role === "partner" && (
                <li>
                  <Link href="/partner">{t("nav.myInitiative")}</Link>
                </li>
              )}
              <li>
                <Link href="/settings">{t("settings.nav")}</Link>
              </li>
            </ul>
          </nav>
        )}
        {!actor && (
          <nav aria-label={t("common.mainNav")}>
            <ul>
              <li>
                <Link href="/programmes">{t("catalogue.navLink")}</Link>
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
          <Link href="/sign-in">{t("common.signIn")}</Link>
        )}
      </div>
    </header>
  );
}
