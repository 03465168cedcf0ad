/** A text field of a submitted form ("" when missing or a file). */
export const formText = (form: FormData | null | undefined, name: string): string => {
  const v = form?.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * The first value of a page's search parameter ("" when missing), without U+0000: PostgreSQL
 * text cannot hold it, and a search for it would fail as a 500 instead of finding nothing.
 */
export const searchParam = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).replaceAll("\u0000", "");
