/** A text field of a submitted form ("" when missing or a file). */
export const formText = (form: FormData | null | undefined, name: string): string => {
  const v = form?.get(name);
  return typeof v === "string" ? v : "";
};
