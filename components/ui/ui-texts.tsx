"use client";

import { createContext, useContext } from "react";

export interface UiTextsValue {
  /** Above a table that is wider than the screen. */
  tableScrollHint: string;
}

const Context = createContext<UiTextsValue>({ tableScrollHint: "Scroll sideways for more →" });

/**
 * Texts of the shared UI primitives (components/ui), translated on the server by the root layout,
 * so that a primitive used on any page, server or client, has them without a message provider.
 */
export function UiTexts({ texts, children }: { texts: UiTextsValue; children: React.ReactNode }) {
  return <Context value={texts}>{children}</Context>;
}

export const useUiTexts = (): UiTextsValue => useContext(Context);
