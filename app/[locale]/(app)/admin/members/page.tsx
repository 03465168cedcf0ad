import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ROLES } from "@/db/schema/enums";
import { LocaleLink } from "@/components/locale-link";
import { listMembers } from "@/lib/dal/members";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import styles from "../_components/admin.module.css";
import { changeMemberRoleAction, removeMemberAction, resendInvitationAction } from "./actions";
import { InviteForm } from "./_components/invite-form";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "admin" }))("title") };
}

type Search = Promise<{ done?: string; who?: string; role?: string; refused?: string }>;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const members = await guard(listMembers(actor), locale);
  const outcome = await searchParams;
  const who = (outcome.who ?? "").slice(0, 200);
  const role = ROLES.find((r) => r === outcome.role);
  const refused = outcome.refused && t.has(`errors.${outcome.refused}`) ? outcome.refused : outcome.refused ? "generic" : null;
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="meta">{actor?.current?.organisationName}</p>
      <div role="status">
        {outcome.done === "roleChanged" && role && <p className="notice ok">{t("admin.roleChanged", { email: who, role: t(`roles.${role}`) })}</p>}
        {outcome.done === "removed" && <p className="notice ok">{t("admin.removed", { email: who })}</p>}
        {outcome.done === "resent" && <p className="notice ok">{t("admin.resent", { email: who })}</p>}
      </div>
      {refused && (
        <p className="notice error" role="alert">
          {t(`errors.${refused}`)}
        </p>
      )}
      <p>
        <LocaleLink locale={locale} href="/admin/audit">{t("admin.auditLink")}</LocaleLink>
      </p>
      <DataTable label={t("admin.title")}>
        <thead>
          <tr>
            <th scope="col">{t("admin.member")}</th>
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("admin.status")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const name = m.name ?? m.email;
            const self = m.email === actor?.email;
            return (
              <tr key={m.id}>
                <td>
                  {m.name ?? "—"} {self && t("admin.you")}
                  <br />
                  <span className="meta">{m.email}</span>
                </td>
                <td>
                  <form action={changeMemberRoleAction} className={styles.roleForm}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <label htmlFor={`role-${m.id}`} className="visually-hidden">
                      {t("admin.roleFor", { name })}
                    </label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="secondary">
                      {t("admin.saveRole")}
                      <span className="visually-hidden"> ({name})</span>
                    </button>
                  </form>
                </td>
                <td>
                  {m.disabledAt ? t("admin.disabled") : m.invitedAt && !m.signedInBefore ? t("admin.pending") : t("admin.active")}
                  {!m.disabledAt && m.invitedAt && !m.signedInBefore && (
                    <form action={resendInvitationAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button type="submit" className="secondary">
                        {t("admin.resend")}
                        <span className="visually-hidden"> ({name})</span>
                      </button>
                    </form>
                  )}
                </td>
                <td>
                  <details className={styles.remove}>
                    <summary>
                      {t("admin.remove")}
                      <span className="visually-hidden"> ({name})</span>
                    </summary>
                    <p id={`remove-${m.id}`}>{t("admin.removeWhat", { name })}</p>
                    <form action={removeMemberAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button type="submit" aria-describedby={`remove-${m.id}`}>
                        {t("admin.confirmRemove", { name })}
                      </button>
                    </form>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <h2>{t("admin.invite")}</h2>
      <p>{t("admin.inviteLead")}</p>
      <InviteForm />
    </>
  );
}
