import { CapacityRequest } from "@linkwork/core/referral/requests";
import { createSignal } from "solid-js";
import { isApiError } from "../../api/api-error";
import type { LinkWorkerCapacity } from "../../queries/link-workers";
import { useSetCapacity } from "../../queries/set-capacity";
import { Button } from "../../ui/button";
import { TextInput } from "../../ui/text-input";
import { CapacitySummary } from "../capacity-summary";
import type { ActionFeedback } from "../feedback/action-feedback";

export const capacityInputId = (userId: string) => `caseload-limit-${userId}`;

/** One link worker's caseload and the limit their manager sets; a stale limit is refused, not overwritten. */
export function CapacityForm(props: {
  worker: LinkWorkerCapacity;
  organisationId: string;
  feedback: ActionFeedback;
  onReload: () => Promise<LinkWorkerCapacity | undefined>;
}) {
  const [limit, setLimit] = createSignal(String(props.worker.caseloadLimit));
  const inputId = () => capacityInputId(props.worker.userId);
  const save = useSetCapacity(() => props.organisationId, {
    onSuccess: (updated) =>
      props.feedback.succeed(`${updated.name}'s caseload limit is now ${updated.caseloadLimit}.`),
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        const current = await props.onReload();
        const now = current ? `: it is now ${current.caseloadLimit}` : "";
        return props.feedback.failStale(
          "This caseload limit has changed",
          `Someone else changed ${props.worker.name}'s caseload limit while you were looking${now}.`,
          () => void props.onReload(),
        );
      }
      props.feedback.failFrom(error, () => inputId(), inputId());
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const typed = limit().trim();
    const parsed = CapacityRequest.safeParse({
      caseloadLimit: /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : undefined,
      version: props.worker.version,
    });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Enter the caseload limit as a whole number";
      return props.feedback.failFields([{ targetId: inputId(), message }]);
    }
    save.mutate({ userId: props.worker.userId, body: parsed.data });
  };

  return (
    <li class="nhsuk-card" data-testid="link-worker">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">{props.worker.name}</h2>
        <CapacitySummary
          used={props.worker.activeCaseload}
          limit={props.worker.caseloadLimit}
          warnWhenFull={false}
        />
        <form novalidate onSubmit={submit} class="linkwork-inline-form">
          <TextInput
            id={inputId()}
            label={`Caseload limit for ${props.worker.name}`}
            hint="The most people they can support at once. A typical limit is 30 to 50. Lowering it below their current caseload only stops new cases."
            error={props.feedback.messageFor(inputId())}
            value={limit()}
            onInput={setLimit}
            width={3}
            inputmode="numeric"
            autocomplete="off"
            spellcheck={false}
          />
          <Button variant="secondary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save limit"}
            <span class="nhsuk-u-visually-hidden"> for {props.worker.name}</span>
          </Button>
        </form>
      </div>
    </li>
  );
}
