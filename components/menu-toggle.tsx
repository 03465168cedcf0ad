"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * The "Menu" button of the site header on a phone (issue 10). On a narrow screen the header's
 * menu, language switch and sign-out take half the screen; with this button they fold away behind
 * one line, and open below it. It works on the header around it through `data-menu` (the CSS in
 * app/globals.css hides the rest of the bar when "closed", only on narrow screens), so the header
 * stays server HTML. Without a script there is no button and the header simply wraps. The menu
 * closes on Escape (focus back on the button) and after moving to another page.
 */
export function MenuToggle({ label }: { label: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const [ready, setReady] = useState(false);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();

  useEffect(() => setReady(true), []);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    const header = button.current?.closest("header");
    if (!header || !ready) return;
    header.dataset.menu = open ? "open" : "closed";
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    header.addEventListener("keydown", onKey);
    return () => header.removeEventListener("keydown", onKey);
  }, [open, ready]);

  return (
    <button ref={button} type="button" className="menu-toggle" aria-expanded={open} hidden={!ready} onClick={() => setOpen((o) => !o)}>
      {label}
    </button>
  );
}
