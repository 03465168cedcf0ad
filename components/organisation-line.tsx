import type { getTranslations } from "next-intl/server";
import { logoUrl } from "@/lib/organisation-logo";
import styles from "./organisation-line.module.css";

type T = Awaited<ReturnType<typeof getTranslations>>;

/**
 * Who runs a cohort, as its organisation's admins set it (Organisation settings): its logo, the
 * line naming it, and with `contact` its e-mail address and phone. Server HTML, no script.
 */
export function OrganisationLine(props: {
  t: T;
  organisation: { id: string; name: string; logoVersion: number; contactEmail?: string; contactPhone?: string | null };
  children: React.ReactNode;
  contact?: boolean;
}) {
  const { t, organisation: o } = props;
  const logo = logoUrl(o.id, o.logoVersion);
  return (
    <div className={styles.line}>
      {logo && (
        <img src={logo} alt={t("catalogue.organisation.logoAlt", { name: o.name })} className={styles.logo} height={40} loading="lazy" />
      )}
      <div>
        <p className="meta">{props.children}</p>
        {props.contact && o.contactEmail && (
          <p className="meta">
            {t("catalogue.organisation.contactLabel")} <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
            {o.contactPhone && (
              <>
                {" · "}
                <a href={`tel:${o.contactPhone.replace(/[^+0-9]/g, "")}`}>{o.contactPhone}</a>
              </>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
