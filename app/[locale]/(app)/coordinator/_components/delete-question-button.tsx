import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { DeleteQuestionButton as DeleteQuestionButtonIsland } from "./delete-question-button.client";

const NAMESPACES = ["common", "errors", "questions"];

/** DeleteQuestionButton with only the messages it and the client components it imports use. */
export function DeleteQuestionButton(props: ComponentProps<typeof DeleteQuestionButtonIsland>) {
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <DeleteQuestionButtonIsland {...props} />
    </ClientMessages>
  );
}
