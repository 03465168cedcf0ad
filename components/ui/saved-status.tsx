"use client";

/**
 * "Saved" beside a form's button, in a live region that is on the page before the text arrives,
 * so screen readers announce it (a region inserted together with its text often is not). Empty
 * until the save succeeded; the next submit empties it again.
 */
export function SavedStatus({ done, text }: { done: boolean; text: string }) {
  return (
    <p role="status" className={done ? "notice ok" : undefined} style={done ? { margin: 0 } : undefined}>
      {done ? text : ""}
    </p>
  );
}
