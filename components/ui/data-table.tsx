"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useUiTexts } from "./ui-texts";

/** Where the table stands in its box: not measured yet, fits, or scrolled to the start, middle or end. */
type Scroll = "unmeasured" | "fits" | "start" | "middle" | "end";

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/**
 * Every table in Koppel (eslint forbids a bare `<table>` elsewhere). When the table is wider than
 * its place (a phone), it scrolls sideways inside its own box and the page does not: the box is
 * then a named region with tabindex 0, so keyboard users can scroll it, with a shadow on the side
 * where more columns hide and a "scroll for more" line above it. A table that fits is a plain
 * table with no extra tab stop. Before the script runs (or without one) the box is the scrolling
 * region, which works everywhere. Rows stay server HTML: they are this component's children.
 *
 * Name it with `labelledBy` (the id of the heading or caption above it) or `label`.
 */
export function DataTable({ className, children, ...name }: Name & { className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState<Scroll>("unmeasured");
  const { tableScrollHint } = useUiTexts();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const hidden = el.scrollWidth - el.clientWidth;
      if (hidden <= 1) return setScroll("fits");
      const x = Math.abs(el.scrollLeft);
      setScroll(x <= 1 ? "start" : x >= hidden - 1 ? "end" : "middle");
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);

  const scrolls = scroll !== "fits";
  return (
    <div className="table-box" data-scroll={scroll}>
      {scrolls && scroll !== "unmeasured" && (
        <p className="table-hint" aria-hidden="true">
          {tableScrollHint}
        </p>
      )}
      <div className="table-edges">
        <div
          ref={box}
          className="table-scroll"
          role={scrolls ? "region" : undefined}
          aria-label={scrolls ? name.label : undefined}
          aria-labelledby={scrolls ? name.labelledBy : undefined}
          tabIndex={scrolls ? 0 : undefined}
        >
          <table className={className} aria-labelledby={name.labelledBy}>
            {children}
          </table>
        </div>
      </div>
    </div>
  );
}
