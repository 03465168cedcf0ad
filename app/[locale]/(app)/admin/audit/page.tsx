import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ROLES, type Role } from "@/db/schema/enums";
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, isAuditAction, listAuditEvents, type AuditRow } from "@/lib/dal/audit";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { dateTimeFormatter } from "@/lib/time";
import { Pager } from "../../coordinator/_components/pager";
import styles from "../_components/admin.module.css";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "audit" }))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations>>;
const text = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const roleName = (t: T, v: unknown): string => (ROLES.includes(v as Role) ? t(`roles.${v as Role}`) : text(v));

/** One line saying what the event was about, from its small detail. */
function describe(t: T, row: AuditRow): string {
  const d = row.detail;
  switch (row.action) {
    case "member_role_changed":
      return t("audit.detail.roleChanged", { email: text(d.email), from: roleName(t, d.from), to: roleName(t, d.to) });
    case "member_invited":
      return t("audit.detail.invited", { email: text(d.email), role: roleName(t, d.role) });
    case "member_removed":
      return t("audit.detail.removed", { email: text(d.email), role: roleName(t, d.role) });
    case "partner_invited":
      return t("audit.detail.partner", { partner: text(d.partner), email: text(d.email) });
    case "api_token_created":
    case "api_token_revoked":
      return t(d.via === "cli" ? "audit.detail.tokenCli" : "audit.detail.token", { name: text(d.name), prefix: text(d.prefix) });
    case "access_refused":
      return t("audit.detail.refused", { status: text(d.status), where: text(d.where) });
    case "sign_in_link_refused":
      return t("audit.detail.rateLimited");
    case "sign_in":
      return t("audit.detail.method", { method: text(d.method) });
    case "cohort_published":
    case "record_archived":
    case "record_restored":
    case "record_deleted":
      return t("audit.detail.record", { kind: row.action === "cohort_published" ? "cohort" : text(row.targetType), name: text(d.name ?? d.cohort) });
    default:
      return "";
  }
}

type Search = Promise<{ page?: string; action?: string }>;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const query = await searchParams;
  const action = query.action && isAuditAction(query.action) ? query.action : undefined;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const list = await guard(listAuditEvents(actor, { page, action }), locale);
  const pages = Math.max(1, Math.ceil(list.total / AUDIT_PAGE_SIZE));
  const zone = actor?.timeZone ?? "Europe/Amsterdam";
  const when = dateTimeFormatter(locale, zone);
  const pageHref = (p: number) => ({ pathname: "/admin/audit", query: { ...(action ? { action } : {}), ...(p > 1 ? { page: String(p) } : {}) } });
  const exportHref = `/${locale}/admin/audit/export${action ? `?action=${action}` : ""}`;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.lead", { organisation: actor?.current?.organisationName ?? "" })}</p>
      <form method="get" className={styles.filters}>
        <div>
          <label htmlFor="audit-action">{t("audit.filter")}</label>
          <select id="audit-action" name="action" defaultValue={action ?? ""}>
            <option value="">{t("audit.all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("audit.apply")}
        </button>
        <a href={exportHref} className="button" download>
          {t("audit.download")}
        </a>
      </form>
      <p className="meta">{t("audit.count", { total: list.total })}</p>
      {list.rows.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <DataTable label={t("audit.title")} className={styles.log}>
          <thead>
            <tr>
              <th scope="col">{t("audit.when", { zone })}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.details")}</th>
              <th scope="col">{t("audit.from")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td className={styles.nowrap}>
                  <time dateTime={r.createdAt.toISOString()}>{when.format(r.createdAt)}</time>
                </td>
                <td>
                  {r.actorEmail ? (
                    <>
                      {r.actorName ?? r.actorEmail}
                      {r.actorName && (
                        <>
                          <br />
                          <span className="meta">{r.actorEmail}</span>
                        </>
                      )}
                    </>
                  ) : (
                    <span className="meta">{t("audit.nobody")}</span>
                  )}
                </td>
                <td>{isAuditAction(r.action) ? t(`audit.actions.${r.action}`) : r.action}</td>
                <td>{describe(t, r)}</td>
                <td>
                  {r.ip ?? "—"}
                  {r.userAgent && <span className={`meta ${styles.agent}`}>{r.userAgent}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {list.total > AUDIT_PAGE_SIZE && (
        <Pager
          locale={locale}
          page={list.page}
          pages={pages}
          href={pageHref}
          labels={{ nav: t("audit.pagination"), previous: t("audit.previous"), next: t("audit.next"), pageOf: t("audit.page", { page: list.page, pages }) }}
        />
      )}
    </>
  );
}
