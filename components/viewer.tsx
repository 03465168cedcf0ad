"use client";

import { useEffect, useState } from "react";
import type { ViewerJson } from "@/app/api/viewer/route";

export type Viewer = ViewerJson;

const ANONYMOUS: Viewer = { signedIn: false };
let pending: Promise<Viewer> | null = null;

/** One request per page for every component that asks (header, deadline, sign-up form). */
function loadViewer(): Promise<Viewer> {
  if (!pending) {
    pending = fetch("/api/viewer", { cache: "no-store", credentials: "same-origin" })
      .then((res) => (res.ok ? (res.json() as Promise<Viewer>) : ANONYMOUS))
      .catch(() => ANONYMOUS);
    // Shared by the components of one page, asked again after a navigation (sign-in, sign-out).
    void pending.finally(() => setTimeout(() => (pending = null), 1000));
  }
  return pending;
}

/**
 * The person looking at a cached public page, asked from the browser (app/api/viewer); null
 * until known, and always null on the server and in the first render (so hydration matches).
 */
export function useViewer(): Viewer | null {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  useEffect(() => {
    let live = true;
    void loadViewer().then((v) => {
      if (live) setViewer(v);
    });
    return () => {
      live = false;
    };
  }, []);
  return viewer;
}

/**
 * The zone to show instants in: the signed-in person's own setting, else the browser's zone; null
 * on the server and in the first render (the page then shows the cohort's own zone).
 */
export function useViewerZone(): string | null {
  const viewer = useViewer();
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone || null);
  }, []);
  if (viewer?.signedIn) return viewer.timeZone;
  return browserZone;
}

/** A message template with plain `{name}` placeholders (no plurals or selects), filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
