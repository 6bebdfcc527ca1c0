import type { Connection } from "@linkwork/core/casework/schema";
import { connectionStatuses } from "@linkwork/core/casework/vocabulary";
import { createSignal, For, Show } from "solid-js";
import { formatShortCalendarDate } from "../../format/dates";
import { connectionSectorLabels, connectionStatusLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { isCaseConflict } from "../../queries/case-conflict";
import { Button } from "../../ui/button";
import { Select } from "../../ui/select";
import { Tag } from "../../ui/tag";
import type { ActionFeedback } from "../feedback/action-feedback";
import { ukToday } from "./uk-time";

const statusColours = { suggested: "blue", referred: "purple", attended: "green", declined: "grey" } as const;
const statusOptions = connectionStatuses.map((value) => ({ value, label: connectionStatusLabels[value] }));

const history = (connection: Connection) =>
  connection.history
    .map(
      (entry) =>
        `${connectionStatusLabels[entry.status]} ${formatShortCalendarDate(ukToday(new Date(entry.at)))}`,
    )
    .join(" → ");

/** Moves one connection on: referred, attended, declined. */
function StatusChange(props: { connection: Connection; referralId: string; feedback: ActionFeedback }) {
  const [status, setStatus] = createSignal<string>(props.connection.status);
  const id = () => `connection-${props.connection.connectionId}-status`;
  const write = useCaseWrite(() => props.referralId, {
    onSuccess: (_latest, write) => {
      const next = write.kind === "connection_status" ? write.body.status : props.connection.status;
      props.feedback.succeed(
        `${props.connection.serviceName} is now marked as ${connectionStatusLabels[next].toLowerCase()}.`,
      );
    },
    onError: (error) => {
      if (isCaseConflict(error)) {
        return props.feedback.failStale(
          "This connection has changed",
          `Someone else updated ${props.connection.serviceName} while you were looking. Reload to see where it is now, then try again if you still need to.`,
          () => undefined,
        );
      }
      props.feedback.failFrom(error, () => id(), id());
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const chosen = connectionStatuses.find((value) => value === status());
    if (!chosen || chosen === props.connection.status) {
      return props.feedback.failFields([
        { targetId: id(), message: `Select a new status for ${props.connection.serviceName}` },
      ]);
    }
    write.mutate({
      kind: "connection_status",
      connectionId: props.connection.connectionId,
      body: { version: props.connection.version, status: chosen },
    });
  };
  return (
    <form novalidate onSubmit={submit} class="linkwork-inline-form">
      <Select
        id={id()}
        label={
          <>
            Status<span class="nhsuk-u-visually-hidden"> of {props.connection.serviceName}</span>
          </>
        }
        error={props.feedback.messageFor(id())}
        value={status()}
        onChange={setStatus}
        options={statusOptions}
        emptyLabel="Choose a status"
      />
      <Button variant="secondary" small disabled={write.isPending}>
        Update<span class="nhsuk-u-visually-hidden"> {props.connection.serviceName}</span>
      </Button>
    </form>
  );
}

/** The services the person has been connected to, each with its sector, need, status and dates. */
export function ConnectionList(props: {
  connections: readonly Connection[];
  referralId: string;
  mayUpdate: boolean;
  feedback: ActionFeedback;
}) {
  return (
    <Show when={props.connections.length > 0} fallback={<p class="nhsuk-body">No connections yet.</p>}>
      <ul class="nhsuk-list linkwork-case-list" aria-label="Connections" data-testid="connection-list">
        <For each={props.connections}>
          {(connection) => (
            <li class="linkwork-case-list__item">
              <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{connection.serviceName}</strong>{" "}
                <Tag colour={statusColours[connection.status]}>
                  {connectionStatusLabels[connection.status]}
                </Tag>
              </p>
              <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                {connectionSectorLabels[connection.sector]} · {needLabels[connection.need]}
              </p>
              <p class="nhsuk-body-s linkwork-secondary">{history(connection)}</p>
              <Show when={props.mayUpdate}>
                <StatusChange
                  connection={connection}
                  referralId={props.referralId}
                  feedback={props.feedback}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
