/** Ports and URLs of the servers the end-to-end run starts (see playwright.config.ts). */
export const DEMO_PORT = 3100;
export const PROD_PORT = 3101;
export const SMTP_PORT = 3125;
export const SMTP_HTTP_PORT = 3126;
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
export const PROD_URL = `http://localhost:${PROD_PORT}`;
