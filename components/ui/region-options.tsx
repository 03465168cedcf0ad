"use client";

import { useTranslations } from "next-intl";
import { REGIONS } from "@/lib/validation/regions";

/** The options of a region select: "no region" first, then every province by its localized name. */
export function RegionOptions() {
  const tp = useTranslations("pairingFields");
  return (
    <>
      <option value="">{tp("noRegion")}</option>
      {REGIONS.map((r) => (
        <option key={r} value={r}>
          {tp(`regions.${r}`)}
        </option>
      ))}
    </>
  );
}
