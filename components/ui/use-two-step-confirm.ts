"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A destructive button that asks again before acting. While confirming, focus moves to the
 * confirming button (`confirmRef`); when the question is dismissed, it returns to the button that
 * started it (`startRef`), so keyboard and screen-reader users keep their place.
 */
export function useTwoStepConfirm() {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return { confirming, setConfirming, confirmRef, startRef };
}
