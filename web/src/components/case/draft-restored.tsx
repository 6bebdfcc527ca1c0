import { InsetText } from "../../ui/inset-text";

/** Said above a form that reopened with what the user had typed before the page reloaded. */
export function DraftRestored() {
  return (
    <InsetText>
      <p data-testid="draft-restored">
        We kept what you had entered here before the page reloaded. It is not saved until you send it.
      </p>
    </InsetText>
  );
}
