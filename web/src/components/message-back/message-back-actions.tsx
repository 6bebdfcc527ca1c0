import { createSignal } from "solid-js";
import { downloadMessageBackPdf } from "../../queries/message-back";
import { Button } from "../../ui/button";

/** Print the page, or save the same message back as a PDF to attach to the GP record. */
export function MessageBackActions(props: { referralId: string; reference: string | undefined }) {
  const [state, setState] = createSignal<
    { kind: "saving" } | { kind: "saved"; fileName: string } | { kind: "failed"; message: string }
  >();
  const download = async () => {
    if (state()?.kind === "saving") return;
    setState({ kind: "saving" });
    try {
      const fileName = await downloadMessageBackPdf(
        props.referralId,
        `message-back-${props.reference ?? props.referralId}.pdf`,
      );
      setState({ kind: "saved", fileName });
    } catch (error) {
      setState({
        kind: "failed",
        message: error instanceof Error ? error.message : "The PDF could not be made",
      });
    }
  };
  const statusText = () => {
    const now = state();
    if (!now) return "";
    if (now.kind === "saving") return "Preparing the PDF…";
    if (now.kind === "saved") return `Saved as ${now.fileName}.`;
    return `The PDF could not be downloaded: ${now.message} You can print this page instead.`;
  };
  return (
    <div class="linkwork-no-print linkwork-message-back__actions">
      <div class="linkwork-decision">
        <Button type="button" onClick={() => window.print()}>
          Print
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={state()?.kind === "saving"}
          onClick={() => void download()}
        >
          {state()?.kind === "saving" ? "Preparing the PDF…" : "Download PDF"}
        </Button>
      </div>
      <p class="nhsuk-body-s" role="status" data-testid="download-status">
        {statusText()}
      </p>
    </div>
  );
}
