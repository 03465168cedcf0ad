import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { listLinkablePartners } from "@/lib/dal/cohort-partners";
import { getCohort } from "@/lib/dal/cohorts";
import { BOARD_PAGE_SIZE, getPairingBoard } from "@/lib/dal/pairs";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { CohortHeader } from "../../../_components/cohort-header";
import styles from "../../../_components/coordinator.module.css";
import { DoneNotice } from "../../../_components/done-notice";
import { Pager } from "../../../_components/pager";
import { formatDay, viewerZone } from "../../../_components/format";
import { pairWords } from "../../../_components/pair-words";
import { LinkPartnersForm } from "./_components/link-partners-form";
import { PairActions } from "./_components/pair-actions";
import { WaitingParticipant } from "./_components/waiting-participant";
import { searchParam } from "@/lib/form-data";
import { DataTable } from "@/components/ui/data-table";

type SearchParams = Record<string, string | string[] | undefined>;
const one = searchParam;
const toPage = (v: string | string[] | undefined): number => {
  const n = Number.parseInt(one(v), 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};
type T = Awaited<ReturnType<typeof getTranslations>>;

/** Previous / "page x of y" / next for one list of the board; nothing when it fits on one page. */
function BoardPager({ locale, list, label, href, t }: { locale: string; list: { page: number; pages: number }; label: string; href: (page: number) => { pathname: string; query: Record<string, string> }; t: T }) {
  if (list.pages <= 1) return null;
  return (
    <Pager
      locale={locale}
      page={list.page}
      pages={list.pages}
      href={href}
      labels={{ nav: label, previous: t("pairingBoard.previous"), next: t("pairingBoard.next"), pageOf: t("pairingBoard.pageOf", { page: list.page, pages: list.pages }) }}
    />
  );
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "pairingBoard" }))("title") };
}

export default async function PairingBoardPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations({ locale });
  const words = pairWords(t, locale);
  const actor = await getCurrentActor();
  const q = one(sp.q);
  const [cohort, board] = await guard(
    Promise.all([getCohort(actor, id), getPairingBoard(actor, id, { q, page: toPage(sp.page), pairedPage: toPage(sp.pairedPage), about: one(sp.e) || undefined })]),
    locale,
  );
  const zone = viewerZone(actor, cohort.timeZone);
  // Changing partner offers only partners with a place left: a full one would be refused.
  const options = board.partners.filter((p) => p.status === "approved" && p.capacityLeft > 0).map((p) => ({ id: p.id, name: p.name, left: p.capacityLeft }));
  const pairable = board.partners.some((p) => p.status === "approved");
  const base = `/coordinator/cohorts/${cohort.id}`;
  const boardHref = (page: number, pairedPage: number) => ({
    pathname: `${base}/pairing`,
    query: { ...(board.query && { q: board.query }), ...(page > 1 && { page: String(page) }), ...(pairedPage > 1 && { pairedPage: String(pairedPage) }) },
  });
  // The partners table is a tab of its own: the participants' view stays light however many are linked.
  const tab = one(sp.tab) === "partners" ? "partners" : "participants";

  const view = new URLSearchParams(boardHref(board.waiting.page, board.paired.page).query).toString();
  const linkable = tab === "partners" ? await guard(listLinkablePartners(actor, cohort.id), locale) : null;

  const done = one(sp.done);
  const who = board.about;
  const notice =
    (done === "paired" || done === "changed") && who?.pair
      ? t("pairingBoard.done.paired", { participant: who.name, partner: who.pair.partnerName })
      : done === "unpaired" && who && !who.pair
        ? t("pairingBoard.done.unpaired", { participant: who.name })
        : done === "applied" && Number(one(sp.n)) > 0
          ? t("pairingBoard.done.applied", { count: Number(one(sp.n)) })
          : null;
  // A refused "Pair with X" (someone took the last place meanwhile): said in words, the board freshly ranked below.
  const refused = one(sp.refused);
  const refusedPartner = board.partners.find((p) => p.id === one(sp.p))?.name;
  const refusedWhy = refused && t.has(`errors.${refused}`) ? t(`errors.${refused}`) : t("errors.generic");
  const refusal = !refused ? null : who && refusedPartner ? t("pairingBoard.refused", { participant: who.name, partner: refusedPartner, reason: refusedWhy }) : refusedWhy;

  return (
    <>
      <CohortHeader cohort={cohort} current="pairing" locale={locale} />
      {notice && <DoneNotice>{notice}</DoneNotice>}
      {refusal && <DoneNotice kind="error">{refusal}</DoneNotice>}
      <h2>{t("pairingBoard.title")}</h2>
      <p>{t("pairingBoard.summary", { total: board.counts.accepted, paired: board.counts.paired, waiting: board.counts.waiting })}</p>
      <div className="actions">
        {board.counts.waiting > 0 && pairable && (
          <LocaleLink locale={locale} className="button" href={`${base}/pairing/proposal`}>
            {t("pairingBoard.proposeAll")}
          </LocaleLink>
        )}
        <LocaleLink locale={locale} href={`${base}/pairs`}>{t("pairingBoard.toPairs")}</LocaleLink>
        <LocaleLink locale={locale} href="/coordinator/partners">{t("pairingBoard.toPartners")}</LocaleLink>
      </div>
      {board.partners.length === 0 && <p>{t("pairingBoard.noPartners")}</p>}

      <nav className={styles.tabs} aria-label={t("pairingBoard.tabsLabel")}>
        <ul>
          <li>
            <LocaleLink locale={locale} href={boardHref(board.waiting.page, board.paired.page)} aria-current={tab === "participants" ? "page" : undefined}>
              {t("pairingBoard.tabParticipants")}
            </LocaleLink>
          </li>
          <li>
            <LocaleLink locale={locale} href={{ pathname: `${base}/pairing`, query: { tab: "partners" } }} aria-current={tab === "partners" ? "page" : undefined}>
              {t("pairingBoard.tabPartners", { count: board.partners.length })}
            </LocaleLink>
          </li>
        </ul>
      </nav>

      {tab === "participants" && (board.counts.accepted > BOARD_PAGE_SIZE || board.query) && (
        <form method="get" action={`/${locale}${base}/pairing`} role="search" aria-label={t("pairingBoard.searchLabel")} className={styles.search}>
          <div className="field">
            <label htmlFor="q">{t("pairingBoard.q")}</label>
            <p className="hint" id="q-hint">
              {t("pairingBoard.qHint")}
            </p>
            <input id="q" name="q" type="search" defaultValue={board.query} aria-describedby="q-hint" />
          </div>
          <div className={styles.searchActions}>
            <button type="submit">{t("pairingBoard.search")}</button>
            {board.query && <LocaleLink locale={locale} href={`${base}/pairing`}>{t("pairingBoard.clear")}</LocaleLink>}
          </div>
        </form>
      )}
      {tab === "participants" && board.query && <p role="status">{t("pairingBoard.matching", { query: board.query, waiting: board.waiting.total, paired: board.paired.total })}</p>}

      {tab === "participants" && (
        <>
          <section aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{t("pairingBoard.waitingTitle", { count: board.waiting.total })}</h2>
            {board.counts.accepted === 0 ? (
              <p>{t("pairingBoard.noParticipants")}</p>
            ) : board.counts.waiting === 0 ? (
              <p>{t("pairingBoard.everyonePaired")}</p>
            ) : board.waiting.total === 0 ? (
              <p>{t("pairingBoard.noMatches")}</p>
            ) : board.waiting.items.length === 0 ? (
              <p>
                {t("pairingBoard.pastLastPage")} <LocaleLink locale={locale} href={boardHref(1, board.paired.page)}>{t("pairingBoard.firstPage")}</LocaleLink>
              </p>
            ) : (
              <>
                <p className="meta">{t("pairingTerms.scoreScale")}</p>
                {board.waiting.items.map((person) => (
                  <WaitingParticipant key={person.enrollmentId} locale={locale} cohortId={cohort.id} person={person} t={t} words={words} view={view} />
                ))}
              </>
            )}
            <BoardPager locale={locale} list={board.waiting} label={t("pairingBoard.waitingPages")} href={(page) => boardHref(page, board.paired.page)} t={t} />
          </section>

          <section aria-labelledby="paired-heading">
            <h2 id="paired-heading">{t("pairingBoard.pairedTitle", { count: board.paired.total })}</h2>
            {board.paired.total === 0 ? (
              <p>{board.query && board.counts.paired > 0 ? t("pairingBoard.noMatches") : t("pairingBoard.nonePaired")}</p>
            ) : board.paired.items.length === 0 ? (
              <p>
                {t("pairingBoard.pastLastPage")} <LocaleLink locale={locale} href={boardHref(board.waiting.page, 1)}>{t("pairingBoard.firstPage")}</LocaleLink>
              </p>
            ) : (
              <DataTable label={t("pairingBoard.pairedCaption")}>
                <caption className="visually-hidden">{t("pairingBoard.pairedCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("pairingBoard.participant")}</th>
                    <th scope="col">{t("pairingBoard.partner")}</th>
                    <th scope="col">{t("pairingBoard.pairedSince")}</th>
                    <th scope="col">{t("pairingBoard.change")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.paired.items.map((p) => (
                    <tr key={p.enrollmentId}>
                      <th scope="row">
                        {p.name}
                        {p.employer && <span className="meta"> · {p.employer}</span>}
                      </th>
                      <td>
                        <LocaleLink locale={locale} href={`/coordinator/partners/${p.pair!.partnerId}`}>{p.pair!.partnerName}</LocaleLink>
                      </td>
                      <td>
                        <time dateTime={p.pair!.confirmedAt.toISOString()}>{formatDay(p.pair!.confirmedAt, locale, zone)}</time>
                      </td>
                      <td>
                        <PairActions
                          pair={{ cohortId: cohort.id, pairId: p.pair!.pairId, enrollmentId: p.enrollmentId, participantName: p.name, partnerId: p.pair!.partnerId, view }}
                          partners={options}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
            <BoardPager locale={locale} list={board.paired} label={t("pairingBoard.pairedPages")} href={(page) => boardHref(board.waiting.page, page)} t={t} />
          </section>
        </>
      )}

      {tab === "partners" && (
        <section aria-labelledby="partners-heading">
          <h2 id="partners-heading">{t("pairingBoard.partnersTitle", { count: board.partners.length })}</h2>
          {board.partners.length > 0 && (
            <DataTable label={t("pairingBoard.partnersCaption")}>
              <caption className="visually-hidden">{t("pairingBoard.partnersCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("pairingBoard.partner")}</th>
                  <th scope="col">{t("pairingBoard.policyAreas")}</th>
                  <th scope="col">{t("pairingBoard.languages")}</th>
                  <th scope="col">{t("pairingBoard.region")}</th>
                  <th scope="col">{t("pairingBoard.places")}</th>
                  <th scope="col">{t("pairingBoard.placesUsed")}</th>
                  <th scope="col">{t("pairingBoard.placesLeft")}</th>
                </tr>
              </thead>
              <tbody>
                {board.partners.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <LocaleLink locale={locale} href={`/coordinator/partners/${p.id}`}>{p.name}</LocaleLink>
                      {p.status !== "approved" && <span className="meta"> · {t(`pairingTerms.partnerStatuses.${p.status}`)}</span>}
                    </th>
                    <td>{words.list(p.policyAreas)}</td>
                    <td>{words.languages(p.languages)}</td>
                    <td>{words.region(p.region)}</td>
                    <td>{p.capacity}</td>
                    <td>{p.paired}</td>
                    <td>{p.status !== "approved" ? <span className="meta">—</span> : p.capacityLeft > 0 ? p.capacityLeft : t("pairingBoard.full")}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      )}
      {tab === "partners" && linkable && (
        <LinkPartnersForm
          cohortId={cohort.id}
          total={linkable.total}
          partners={linkable.items.map((p) => ({
            id: p.id,
            name: p.name,
            kind: p.kind,
            kindLabel: t(`pairingTerms.partnerKinds.${p.kind}`),
            areas: words.list(p.policyAreas),
            capacityPerCohort: p.capacityPerCohort,
          }))}
        />
      )}
    </>
  );
}
