"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * What an action just did (or why it was refused), said at the top of the page it led back to.
 * It takes the focus when it appears: the button that was pressed is often gone (a paired
 * participant leaves the list).
 */
export function DoneNotice({ kind = "ok", children }: { kind?: "ok" | "error"; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div role={kind === "error" ? "alert" : "status"} tabIndex={-1} ref={ref} className={`notice ${kind}`}>
      {children}
    </div>
  );
}
