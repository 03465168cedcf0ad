import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocaleLink } from "@/components/locale-link";
import { exportMyData, type MyData } from "@/lib/dal/my-data";
import { getCurrentActor } from "@/lib/dal/session";
import { guard } from "@/lib/guard";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "myData" }))("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** The same data as the JSON download, readable: everything Koppel holds about the signed-in person. */
export default async function MyDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const actor = await getCurrentActor();
  const data = await guard(exportMyData(actor), locale);
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: actor?.timeZone ?? "Europe/Amsterdam" });
  const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{fmt.format(d)}</time> : "—");
  const text = (v: string | null | undefined) => (v ? v : "—");
  const none = <p>{t("myData.none")}</p>;
  return (
    <>
      <p>
        <LocaleLink locale={locale} href="/settings">← {t("settings.title")}</LocaleLink>
      </p>
      <h1>{t("myData.title")}</h1>
      <p className="lead">{t("myData.lead")}</p>
      <p>{t("myData.exportedAt", { date: fmt.format(data.exportedAt) })}</p>
      <p>
        <a className="button" href="/api/v1/me/export" download>
          {t("myData.download")}
        </a>
      </p>

      <h2>{t("myData.account.title")}</h2>
      <dl className="facts">
        <dt>{t("myData.account.name")}</dt>
        <dd>{text(data.account.name)}</dd>
        <dt>{t("myData.account.email")}</dt>
        <dd>{data.account.email}</dd>
        <dt>{t("myData.account.locale")}</dt>
        <dd>{t.has(`locales.${data.account.locale}`) ? t(`locales.${data.account.locale}`) : data.account.locale}</dd>
        <dt>{t("myData.account.timeZone")}</dt>
        <dd>{data.account.timeZone}</dd>
        <dt>{t("myData.account.createdAt")}</dt>
        <dd>{when(data.account.createdAt)}</dd>
        <dt>{t("myData.account.emailVerifiedAt")}</dt>
        <dd>{when(data.account.emailVerifiedAt)}</dd>
      </dl>

      <h2 id="memberships-heading">{t("myData.memberships.title")}</h2>
      {data.memberships.length === 0 ? (
        none
      ) : (
        <DataTable labelledBy="memberships-heading">
          <thead>
            <tr>
              <th scope="col">{t("myData.memberships.organisation")}</th>
              <th scope="col">{t("myData.memberships.role")}</th>
              <th scope="col">{t("myData.memberships.since")}</th>
            </tr>
          </thead>
          <tbody>
            {data.memberships.map((m) => (
              <tr key={m.organisation}>
                <th scope="row">{m.organisation}</th>
                <td>{t(`roles.${m.role}`)}</td>
                <td>{when(m.since)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h2>{t("myData.enrollments.title")}</h2>
      {data.enrollments.length === 0 ? none : data.enrollments.map((e) => <Enrollment key={e.id} e={e} t={t} when={when} text={text} />)}

      <h2>{t("myData.pairs.title")}</h2>
      {data.pairs.length === 0 ? none : data.pairs.map((p) => <Pair key={p.id} p={p} t={t} when={when} />)}

      <h2>{t("myData.partners.title")}</h2>
      {data.partners.length === 0
        ? none
        : data.partners.map((p) => (
            <section key={p.id} aria-labelledby={`partner-${p.id}`}>
              <h3 id={`partner-${p.id}`}>
                {p.name} ({p.organisation})
              </h3>
              <dl className="facts">
                <dt>{t("myData.partners.kind")}</dt>
                <dd>{t(`pairingTerms.partnerKinds.${p.kind}`)}</dd>
                <dt>{t("myData.partners.status")}</dt>
                <dd>{t(`pairingTerms.partnerStatuses.${p.status}`)}</dd>
                <dt>{t("myData.partners.description")}</dt>
                <dd>{text(p.description)}</dd>
                <dt>{t("myData.partners.website")}</dt>
                <dd>{text(p.website)}</dd>
                <dt>{t("myData.partners.location")}</dt>
                <dd>{text(p.location)}</dd>
                <dt>{t("myData.partners.helpRequest")}</dt>
                <dd>{text(p.helpRequest)}</dd>
                <dt>{t("myData.partners.contactEmail")}</dt>
                <dd>{text(p.contactEmail)}</dd>
                <dt>{t("myData.partners.contactPhone")}</dt>
                <dd>{text(p.contactPhone)}</dd>
                <dt>{t("myData.partners.registeredAt")}</dt>
                <dd>{when(p.registeredAt)}</dd>
              </dl>
            </section>
          ))}

      <h2 id="tokens-heading">{t("myData.tokens.title")}</h2>
      {data.apiTokens.length === 0 ? (
        none
      ) : (
        <DataTable labelledBy="tokens-heading">
          <thead>
            <tr>
              <th scope="col">{t("myData.tokens.name")}</th>
              <th scope="col">{t("myData.tokens.prefix")}</th>
              <th scope="col">{t("myData.tokens.createdAt")}</th>
              <th scope="col">{t("myData.tokens.lastUsedAt")}</th>
              <th scope="col">{t("myData.tokens.revokedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {data.apiTokens.map((k) => (
              <tr key={k.prefix + k.createdAt.toISOString()}>
                <th scope="row">{k.name}</th>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{when(k.createdAt)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>{when(k.revokedAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h2>{t("myData.sessions.title")}</h2>
      <p>{t("myData.sessions.text", { count: data.sessions.count, expiry: data.sessions.latestExpiry ? fmt.format(data.sessions.latestExpiry) : "—" })}</p>

      <h2 id="mails-heading">{t("myData.mails.title")}</h2>
      <p>{t("myData.mails.lead")}</p>
      {data.mails.length === 0 ? (
        none
      ) : (
        <DataTable labelledBy="mails-heading">
          <thead>
            <tr>
              <th scope="col">{t("myData.mails.createdAt")}</th>
              <th scope="col">{t("myData.mails.subject")}</th>
              <th scope="col">{t("myData.mails.template")}</th>
              <th scope="col">{t("myData.mails.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.mails.map((m, i) => (
              <tr key={i}>
                <td>{when(m.createdAt)}</td>
                <td>{m.subject}</td>
                <td>
                  <code>{m.template}</code>
                </td>
                <td>{t(`myData.mails.statuses.${m.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

type When = (d: Date | null) => React.ReactNode;

function Enrollment({ e, t, when, text }: { e: MyData["enrollments"][number]; t: Translate; when: When; text: (v: string | null) => string }) {
  const status = (s: string) => t(`applications.statuses.${s}`);
  const answer = (v: string | string[] | boolean) => (typeof v === "boolean" ? (v ? t("review.yes") : t("review.no")) : Array.isArray(v) ? v.join(", ") : v);
  return (
    <section aria-labelledby={`enrollment-${e.id}`}>
      <h3 id={`enrollment-${e.id}`}>
        {e.cohort} ({e.programme}, {e.organisation})
      </h3>
      <dl className="facts">
        <dt>{t("myData.enrollments.status")}</dt>
        <dd>{status(e.status)}</dd>
        <dt>{t("myData.enrollments.signedUpAt")}</dt>
        <dd>{when(e.signedUpAt)}</dd>
        <dt>{t("myData.enrollments.consentedAt")}</dt>
        <dd>{when(e.consentedAt)}</dd>
        {e.offerExpiresAt && (
          <>
            <dt>{t("myData.enrollments.offerExpiresAt")}</dt>
            <dd>{when(e.offerExpiresAt)}</dd>
          </>
        )}
        <dt>{t("myData.enrollments.employer")}</dt>
        <dd>{text(e.employer)}</dd>
        <dt>{t("myData.enrollments.department")}</dt>
        <dd>{text(e.department)}</dd>
        <dt>{t("myData.enrollments.jobTitle")}</dt>
        <dd>{text(e.jobTitle)}</dd>
        <dt>{t("myData.enrollments.policyAreas")}</dt>
        <dd>{text(e.policyAreas.join(", "))}</dd>
        <dt>{t("myData.enrollments.languages")}</dt>
        <dd>{text(e.languages.join(", "))}</dd>
        <dt>{t("myData.enrollments.region")}</dt>
        <dd>{e.region ? (t.has(`pairingFields.regions.${e.region}`) ? t(`pairingFields.regions.${e.region}`) : e.region) : "—"}</dd>
        <dt>{t("myData.enrollments.motivation")}</dt>
        <dd>{text(e.motivation)}</dd>
        <dt>{t("myData.enrollments.availableHalfDays")}</dt>
        <dd>{e.availableHalfDays ?? "—"}</dd>
      </dl>
      {e.answers.length > 0 && (
        <>
          <h4>{t("myData.enrollments.answers")}</h4>
          <dl className="facts">
            {e.answers.map((a) => (
              <div key={a.question}>
                <dt>{a.question}</dt>
                <dd>{answer(a.answer)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h4 id={`history-${e.id}`}>{t("myData.enrollments.history")}</h4>
      <DataTable labelledBy={`history-${e.id}`}>
        <thead>
          <tr>
            <th scope="col">{t("myData.enrollments.when")}</th>
            <th scope="col">{t("myData.enrollments.change")}</th>
            <th scope="col">{t("myData.enrollments.by")}</th>
            <th scope="col">{t("myData.enrollments.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {e.history.map((h, i) => (
            <tr key={i}>
              <td>{when(h.at)}</td>
              <td>{t("myData.enrollments.from", { from: h.from ? status(h.from) : t("myData.enrollments.new"), to: status(h.to) })}</td>
              <td>{t(`myData.enrollments.who.${h.by}`)}</td>
              <td>{h.reason ? (t.has(`review.reasons.${h.reason}`) ? t(`review.reasons.${h.reason}`) : h.reason) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

function Pair({ p, t, when }: { p: MyData["pairs"][number]; t: Translate; when: When }) {
  return (
    <section aria-labelledby={`pair-${p.id}`}>
      <h3 id={`pair-${p.id}`}>{t("myData.pairs.heading", { cohort: p.cohort, programme: p.programme, counterpart: p.counterpart })}</h3>
      <dl className="facts">
        <dt>{t("myData.pairs.side")}</dt>
        <dd>{t(`myData.pairs.sides.${p.side}`)}</dd>
        <dt>{t("myData.pairs.status")}</dt>
        <dd>{t(`pairingTerms.pairStatuses.${p.status}`)}</dd>
        <dt>{t("myData.pairs.confirmedAt")}</dt>
        <dd>{when(p.confirmedAt)}</dd>
        {p.endedAt && (
          <>
            <dt>{t("myData.pairs.endedAt")}</dt>
            <dd>{when(p.endedAt)}</dd>
          </>
        )}
      </dl>
      {p.meetings.length > 0 && (
        <DataTable label={t("myData.pairs.meetings")}>
          <caption>{t("myData.pairs.meetings")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("myData.pairs.startsAt")}</th>
              <th scope="col">{t("myData.pairs.duration")}</th>
              <th scope="col">{t("myData.pairs.mode")}</th>
              <th scope="col">{t("myData.pairs.meetingStatus")}</th>
              <th scope="col">{t("myData.pairs.loggedBy")}</th>
              <th scope="col">{t("myData.pairs.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {p.meetings.map((m, i) => (
              <tr key={i}>
                <td>{when(m.startsAt)}</td>
                <td>{m.durationMinutes}</td>
                <td>{t(`pairingTerms.meetingModes.${m.mode}`)}</td>
                <td>
                  {t(`pairingTerms.meetingStatuses.${m.status}`)}
                  {m.disputeComment && <> — {m.disputeComment}</>}
                </td>
                <td>{t(`myData.pairs.loggedByWho.${m.loggedBy}`)}</td>
                <td>{m.notes || "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
