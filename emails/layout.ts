import type { Locale } from "@/db/schema/enums";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Wraps paragraphs and one call-to-action link into a plain, accessible HTML mail. */
export function layout(opts: {
  locale: Locale;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}): RenderedMail {
  const { locale, subject, paragraphs, action, footer } = opts;
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), "", "--", footer].join("\n\n");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px;">${escapeHtml(action.label)}</a></p><p style="font-size:.9em;color:#444;">${escapeHtml(action.url)}</p>` : ""}
<hr><p style="font-size:.85em;color:#444;">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
