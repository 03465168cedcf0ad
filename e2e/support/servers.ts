/**
 * Ports and URLs of the servers the end-to-end run starts (see playwright.config.ts).
 * E2E_PORT_BASE moves all of them, so two runs (say CI and a developer's) can share a machine.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
export const DEMO_PORT = base;
export const PROD_PORT = base + 1;
/** Servers a spec starts for itself (see app-server.ts). */
export const OWN_PORTS = [base + 2, base + 3] as const;
export const SMTP_PORT = base + 25;
export const SMTP_HTTP_PORT = base + 26;
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
export const PROD_URL = `http://localhost:${PROD_PORT}`;
