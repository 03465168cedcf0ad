"use client";

import { localePath } from "./locale-link";
import { fill, useViewer } from "./viewer";

/** The header's texts, translated on the server: this island carries no next-intl runtime. */
export interface AccountLinkTexts {
  signIn: string;
  /** "Signed in as {name}" (the raw template) */
  signedInAs: string;
  myPage: string;
}

/** "Signed in as …" with a link to the person's own pages, or the sign-in link (also without JavaScript). */
export function AccountLink({ locale, texts }: { locale: string; texts: AccountLinkTexts }) {
  const viewer = useViewer();
  if (!viewer?.signedIn) return <a href={localePath(locale, "/sign-in")}>{texts.signIn}</a>;
  return (
    <span className="who">
      {fill(texts.signedInAs, { name: viewer.name })} · <a href={localePath(locale, "/start")}>{texts.myPage}</a>
    </span>
  );
}
