import type { getTranslations } from "next-intl/server";
import type { MyPair } from "@/lib/dal/my-pairs";

type T = Awaited<ReturnType<typeof getTranslations>>;
type PartnerSide = Extract<MyPair, { side: "participant" }>["partner"];

/**
 * How a participant reaches their partner, as terms of a <dl>: the contact person, the email
 * address (mailto) and the phone number (tel, digits only) when given.
 */
export function PartnerContactFacts({ t, partner: p }: { t: T; partner: Pick<PartnerSide, "contactName" | "contactEmail" | "contactPhone"> }) {
  return (
    <>
      <dt>{t("myPair.contactPerson")}</dt>
      <dd>{p.contactName}</dd>
      {p.contactEmail && (
        <>
          <dt>{t("myPair.email")}</dt>
          <dd>
            <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
          </dd>
        </>
      )}
      {p.contactPhone && (
        <>
          <dt>{t("myPair.phone")}</dt>
          <dd>
            <a href={`tel:${p.contactPhone.replace(/[^+0-9]/g, "")}`}>{p.contactPhone}</a>
          </dd>
        </>
      )}
    </>
  );
}
