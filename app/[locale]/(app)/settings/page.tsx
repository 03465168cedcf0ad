import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listApiTokens } from "@/lib/dal/api-tokens";
import { getMyProfile } from "@/lib/dal/profile";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { timeZoneOptions } from "@/lib/time";
import { CreateTokenForm } from "./_components/create-token-form";
import { ProfileForm } from "./_components/profile-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "settings" }))("title") };
}

export default async function SettingsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { locale } = await params;
  const { saved } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "settings" });
  const tData = await getTranslations({ locale, namespace: "myData" });
  const actor = await getCurrentActor();
  const tokens = await guard(listApiTokens(actor), locale);
  const profile = await guard(getMyProfile(actor), locale);
  const tProfile = await getTranslations({ locale, namespace: "profile" });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: actor?.timeZone ?? "Europe/Amsterdam" });
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{tProfile("heading")}</h2>
        <p>{tProfile("lead")}</p>
        <ProfileForm
          initial={{ name: profile.name, locale: profile.locale, timeZone: profile.timeZone, phone: profile.phone }}
          timeZones={timeZoneOptions(profile.timeZone)}
          locale={locale}
          justSaved={saved === "profile"}
        />
      </section>
      <section aria-labelledby="my-data-heading">
        <h2 id="my-data-heading">{tData("sectionTitle")}</h2>
        <p>{tData("sectionLead")}</p>
        <ul>
          <li>
            <LocaleLink locale={locale} href="/settings/my-data">{tData("view")}</LocaleLink>
          </li>
          <li>
            <a href="/api/v1/me/export" download>
              {tData("download")}
            </a>
          </li>
          <li>
            <LocaleLink locale={locale} href="/settings/delete-account">{tData("delete")}</LocaleLink>
          </li>
        </ul>
      </section>
      <section aria-labelledby="api-tokens-heading">
        <h2 id="api-tokens-heading">{t("tokens.heading")}</h2>
        <p>{t("tokens.lead")}</p>
        <p>
          <a href="/api/v1/openapi.json">{t("tokens.docs")}</a>
        </p>
        {tokens.length === 0 ? (
          <p>{t("tokens.none")}</p>
        ) : (
          <DataTable label={t("tokens.heading")}>
            <caption className="visually-hidden">{t("tokens.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.prefix")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("tokens.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{when.format(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? when.format(token.lastUsedAt) : t("tokens.never")}</td>
                  <td>
                    <RevokeTokenButton id={token.id} name={token.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <h3>{t("tokens.create")}</h3>
        <CreateTokenForm />
      </section>
    </>
  );
}
