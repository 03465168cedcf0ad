import { LocaleLink, type Href } from "@/components/locale-link";
import styles from "./coordinator.module.css";

/** "← Previous page · Page x of y · Next page →" for a paged list, as a labelled navigation landmark. */
export function Pager({ locale, page, pages, href, labels }: { locale: string; page: number; pages: number; href: (page: number) => Href; labels: { nav: string; previous: string; next: string; pageOf: string } }) {
  return (
    <nav className={styles.pagination} aria-label={labels.nav}>
      <ul>
        {page > 1 && (
          <li>
            <LocaleLink locale={locale} href={href(Math.min(page - 1, pages))} rel="prev">
              ← {labels.previous}
            </LocaleLink>
          </li>
        )}
        <li>{labels.pageOf}</li>
        {page < pages && (
          <li>
            <LocaleLink locale={locale} href={href(page + 1)} rel="next">
              {labels.next} →
            </LocaleLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
