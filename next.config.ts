import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { COMMON_HEADERS, STATIC_CSP } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer"],
  experimental: {
    authInterrupts: true,
    // Public pages are rendered on their first request and cached (ISR). Keep that cache in the
    // server's memory only: one build serves several databases and configurations (npm start,
    // the e2e runs on PostgreSQL and PGlite, the bench), and a page written to .next by one
    // would be served by the next.
    isrFlushToDisk: false,
  },
  poweredByHeader: false,
  // Signed-in pages replace this CSP with a per-request nonce policy (proxy.ts).
  headers: () => Promise.resolve([{ source: "/:path*", headers: [...COMMON_HEADERS, { key: "Content-Security-Policy", value: STATIC_CSP }] }]),
};

export default withNextIntl(nextConfig);
