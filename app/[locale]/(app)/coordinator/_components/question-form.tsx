import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { QuestionForm as QuestionFormIsland } from "./question-form.client";

const NAMESPACES = ["common", "errors", "questions"];

/** QuestionForm with only the messages it and the client components it imports use. */
export function QuestionForm(props: ComponentProps<typeof QuestionFormIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <QuestionFormIsland {...props} />
    </ClientMessages>
  );
}
