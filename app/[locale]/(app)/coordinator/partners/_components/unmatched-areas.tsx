import type { getTranslations } from "next-intl/server";
import { DoneNotice } from "../../_components/done-notice";
import { mapPolicyAreasFormAction } from "../actions";

type T = Awaited<ReturnType<typeof getTranslations>>;

/**
 * A partner's policy areas that match none of the organisation's list ("energie" beside
 * "Energietransitie"): pairing cannot match them with participants' areas until a coordinator
 * maps each onto a listed area. A plain form, one choice per area; works without JavaScript.
 */
export function UnmatchedAreas(props: { locale: string; partnerId: string; unmatched: string[]; listed: string[]; done: number | null; refused: string; t: T }) {
  const { t, unmatched, listed } = props;
  const refusal = props.refused ? (t.has(`errors.${props.refused}`) ? t(`errors.${props.refused}`) : t("errors.generic")) : null;
  return (
    <section aria-labelledby="areas">
      <h2 id="areas" tabIndex={-1}>
        {t("partnersAdmin.unmatched.title")}
      </h2>
      {props.done !== null && <DoneNotice>{t("partnersAdmin.unmatched.done", { count: props.done })}</DoneNotice>}
      {refusal && <DoneNotice kind="error">{refusal}</DoneNotice>}
      {unmatched.length === 0 ? (
        <p>{t("partnersAdmin.unmatched.none")}</p>
      ) : listed.length === 0 ? (
        <p>{t("partnersAdmin.unmatched.noList", { areas: unmatched.join(", ") })}</p>
      ) : (
        <form action={mapPolicyAreasFormAction} className="stack">
          <p>{t("partnersAdmin.unmatched.lead")}</p>
          <input type="hidden" name="partnerId" value={props.partnerId} />
          <input type="hidden" name="locale" value={props.locale} />
          <input type="hidden" name="count" value={unmatched.length} />
          {unmatched.map((area, i) => (
            <div className="field" key={area}>
              <input type="hidden" name={`from.${i}`} value={area} />
              <label htmlFor={`map-${i}`}>{t("partnersAdmin.unmatched.mapLabel", { area })}</label>
              <select id={`map-${i}`} name={`to.${i}`} defaultValue="">
                <option value="">{t("partnersAdmin.unmatched.keep")}</option>
                {listed.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div>
            <button type="submit">{t("partnersAdmin.unmatched.submit")}</button>
          </div>
        </form>
      )}
    </section>
  );
}
