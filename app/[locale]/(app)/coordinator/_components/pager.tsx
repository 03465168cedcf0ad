import type { ComponentProps } from "react";
import { Link } from "@/i18n/navigation";
import styles from "./coordinator.module.css";

type Href = ComponentProps<typeof Link>["href"];

/** "← Previous page · Page x of y · Next page →" for a paged list, as a labelled navigation landmark. */
export function Pager({ page, pages, href, labels }: { page: number; pages: number; href: (page: number) => Href; labels: { nav: string; previous: string; next: string; pageOf: string } }) {
  return (
    <nav className={styles.pagination} aria-label={labels.nav}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={href(Math.min(page - 1, pages))} rel="prev">
              ← {labels.previous}
            </Link>
          </li>
        )}
        <li>{labels.pageOf}</li>
        {page < pages && (
          <li>
            <Link href={href(page + 1)} rel="next">
              {labels.next} →
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
