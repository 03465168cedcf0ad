import { hasLocale, type AbstractIntlMessages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

/**
 * Messages live in `messages/<locale>.json` (shared) and `messages/<area>/<locale>.json` (one
 * file per feature area, each with its own top-level namespaces).
 */
export const MESSAGE_AREAS = ["enrollment", "review", "api"] as const;

type MessageModule = { default: AbstractIntlMessages };

export async function loadMessages(locale: string): Promise<AbstractIntlMessages> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`) as Promise<MessageModule>,
    ...MESSAGE_AREAS.map((area) => import(`../messages/${area}/${locale}.json`) as Promise<MessageModule>),
  ]);
  return Object.assign({}, ...parts.map((p) => p.default)) as AbstractIntlMessages;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await loadMessages(locale) };
});
