import { Button } from "../../ui/button";
import { WarningCallout } from "../../ui/warning-callout";

/**
 * Shown once the area's number of failed attempts in a row is reached: the worker may keep trying,
 * or close the case as unable to contact, which tells the GP.
 */
export function UnableToContactPrompt(props: {
  failedAttempts: number;
  personName: string;
  mayClose: boolean;
  onClose: () => void;
}) {
  return (
    <div data-testid="unable-to-contact">
      <WarningCallout heading={`${props.failedAttempts} attempts without reaching ${props.personName}`}>
        <p>
          Your area's guidance is to close a case as unable to contact after this many failed attempts in a
          row. Keep trying if you have another way to reach them; otherwise close the case so their GP knows.
        </p>
        {props.mayClose ? (
          <Button type="button" variant="secondary" onClick={props.onClose}>
            Close as unable to contact
          </Button>
        ) : null}
      </WarningCallout>
    </div>
  );
}
