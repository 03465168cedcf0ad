import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only picks the language (URL, cookie, Accept-Language). Who may see what is decided in lib/dal.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|dev|_next|_vercel|.*\\..*).*)"],
};
