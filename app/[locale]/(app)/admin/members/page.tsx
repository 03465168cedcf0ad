import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listMembers } from "@/lib/dal/members";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { InviteForm } from "./_components/invite-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin" }))("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const members = await guard(listMembers(actor), locale);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="meta">{actor?.current?.organisationName}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.member")}</th>
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("admin.status")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name ?? "—"}
                <br />
                <span className="meta">{m.email}</span>
              </td>
              <td>{t(`roles.${m.role}`)}</td>
              <td>{m.disabledAt ? t("admin.disabled") : m.invitedAt && !m.signedInBefore ? t("admin.pending") : t("admin.active")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("admin.invite")}</h2>
      <p>{t("admin.inviteLead")}</p>
      <InviteForm />
    </>
  );
}
