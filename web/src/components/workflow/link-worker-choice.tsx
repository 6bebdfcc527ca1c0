import { useQuery } from "@tanstack/solid-query";
import { type JSX, Show } from "solid-js";
import { type LinkWorkerCapacity, linkWorkersQuery } from "../../queries/link-workers";
import { Radios } from "../../ui/radios";

const places = (count: number) => `${count} free ${count === 1 ? "place" : "places"}`;

/** How full a worker's caseload is, as the manager needs it to choose. */
export function describeRoom(worker: LinkWorkerCapacity): string {
  if (worker.freeCapacity <= 0) return `Caseload full (${worker.activeCaseload} of ${worker.caseloadLimit})`;
  return `${places(worker.freeCapacity)} (${worker.activeCaseload} of ${worker.caseloadLimit} used)`;
}

/**
 * The organisation's link workers to choose from, each with the room on their caseload. A full
 * caseload is shown, not hidden, so the manager sees why someone cannot take the case. The rest of
 * the form (`children`: a reason, the button) shows only when there is someone to choose: with
 * nobody, the manager reads why and is offered nothing that can only fail.
 */
export function LinkWorkerChoice(props: {
  id: string;
  organisationId: string;
  legend: string;
  hint?: string;
  exceptUserId?: string | undefined;
  /** Why nothing can be chosen, and what to do instead. */
  nobodyToChoose: string;
  error: string | undefined;
  value: string | undefined;
  onChange: (userId: string, name: string) => void;
  children?: JSX.Element;
}) {
  const workers = useQuery(() => linkWorkersQuery(props.organisationId));
  const choices = () => (workers.data ?? []).filter((worker) => worker.userId !== props.exceptUserId);
  return (
    <Show
      when={choices().length > 0}
      fallback={
        <p class="nhsuk-body" role="status">
          {workers.isPending
            ? "Loading your link workers…"
            : workers.isError
              ? "Your link workers could not be loaded. Reload the page to try again."
              : props.nobodyToChoose}
        </p>
      }
    >
      <Radios
        id={props.id}
        legend={props.legend}
        legendSize="s"
        hint={props.hint}
        error={props.error}
        value={props.value}
        onChange={(userId) =>
          props.onChange(userId, choices().find((worker) => worker.userId === userId)?.name ?? "")
        }
        options={choices().map((worker) => ({
          value: worker.userId,
          label: worker.name,
          hint: describeRoom(worker),
        }))}
        small
      />
      {props.children}
    </Show>
  );
}
