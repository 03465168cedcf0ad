import styles from "../../../../_components/coordinator.module.css";
import { pairFormAction } from "../actions";

/**
 * "Pair with X": a server-rendered form of one button that posts to the server action, so it works
 * before (or without) JavaScript and costs the board no client component per suggestion. The board
 * comes back (same search and page, `view`) saying who was paired, or why not.
 */
export function PairButton(props: { locale: string; cohortId: string; enrollmentId: string; partnerId: string; view: string; label: string; forWhom: string }) {
  return (
    <form action={pairFormAction} className={styles.inline}>
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="cohortId" value={props.cohortId} />
      <input type="hidden" name="enrollmentId" value={props.enrollmentId} />
      <input type="hidden" name="partnerId" value={props.partnerId} />
      <input type="hidden" name="view" value={props.view} />
      <button type="submit">
        {props.label}
        <span className="visually-hidden"> {props.forWhom}</span>
      </button>
    </form>
  );
}
