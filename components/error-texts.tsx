"use client";

import { createContext, useContext } from "react";

export interface ErrorTextsValue {
  title: string;
  lead: string;
  retry: string;
}

const Context = createContext<ErrorTextsValue>({ title: "Error", lead: "", retry: "Retry" });

/**
 * The error page's texts, translated on the server by the root layout. error.tsx must be a client
 * component; reading three strings from this context keeps next-intl's client runtime (~12 kB
 * gzip) off every page that has no client island of its own.
 */
export function ErrorTexts({ texts, children }: { texts: ErrorTextsValue; children: React.ReactNode }) {
  return <Context value={texts}>{children}</Context>;
}

export const useErrorTexts = (): ErrorTextsValue => useContext(Context);
