import { defineRouting } from "next-intl/routing";
import { LOCALES } from "@/db/schema/enums";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "nl",
  localePrefix: "always",
  localeCookie: { name: "NEXT_LOCALE", maxAge: 60 * 60 * 24 * 365 },
});
