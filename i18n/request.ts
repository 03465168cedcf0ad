import { hasLocale, type AbstractIntlMessages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

/**
 * Messages live in `messages/<locale>.json` (shared) and `messages/<area>/<locale>.json` (one
 * file per feature area, each with its own top-level namespaces).
 */
export const MESSAGE_AREAS = ["enrollment", "review", "api", "pairing", "partner-portal", "coordinator-pairing", "my-data", "lifecycle"] as const;

/**
 * Namespaces every area may add keys to: a schema's error keys are looked up under `errors.`
 * wherever they are defined, so an area keeps its own error texts beside its other texts.
 */
export const SHARED_NAMESPACES = ["errors"] as const;

type MessageModule = { default: AbstractIntlMessages };

const merged = new Map<string, Promise<AbstractIntlMessages>>();

/** Every message of a locale, merged once per process (the files are part of the build). */
export function loadMessages(locale: string): Promise<AbstractIntlMessages> {
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeMessages(locale);
    merged.set(locale, messages);
  }
  return messages;
}

async function mergeMessages(locale: string): Promise<AbstractIntlMessages> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`) as Promise<MessageModule>,
    ...MESSAGE_AREAS.map((area) => import(`../messages/${area}/${locale}.json`) as Promise<MessageModule>),
  ]);
  const merged: AbstractIntlMessages = Object.assign({}, ...parts.map((p) => p.default)) as AbstractIntlMessages;
  for (const ns of SHARED_NAMESPACES) {
    merged[ns] = Object.assign({}, ...parts.map((p) => p.default[ns] ?? {})) as AbstractIntlMessages;
  }
  return merged;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  // A zone is named so that next-intl does not build an Intl.DateTimeFormat per request to find the
  // server's; every time Koppel shows is formatted with the viewer's own zone (lib/time.ts).
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Amsterdam" };
});
