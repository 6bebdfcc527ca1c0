import { ConnectionRequest } from "@linkwork/core/casework/schema";
import { connectionSectors, connectionStatuses } from "@linkwork/core/casework/vocabulary";
import { NeedDomain } from "@linkwork/core/referral/schema";
import { Show } from "solid-js";
import { createDraft } from "../../drafts/create-draft";
import type { DraftAddress } from "../../drafts/draft-storage";
import { connectionSectorLabels, connectionStatusLabels } from "../../labels/casework-labels";
import { needLabels } from "../../labels/referral-labels";
import { useCaseWrite } from "../../queries/case-actions";
import { Button } from "../../ui/button";
import { Radios } from "../../ui/radios";
import { Select } from "../../ui/select";
import { TextInput } from "../../ui/text-input";
import type { ActionFeedback } from "../feedback/action-feedback";
import { DraftRestored } from "./draft-restored";
import { problemsFrom } from "./form-problems";

const ids = {
  serviceName: "connection-serviceName",
  sector: "connection-sector",
  need: "connection-need",
  status: "connection-status",
};
const targetFor = (path: string) => {
  const field = path.split(".")[0];
  if (field === "sector") return ids.sector;
  if (field === "need") return ids.need;
  if (field === "status") return ids.status;
  return ids.serviceName;
};

const sectorOptions = connectionSectors.map((value) => ({ value, label: connectionSectorLabels[value] }));
const statusOptions = connectionStatuses.map((value) => ({ value, label: connectionStatusLabels[value] }));

/** An onward referral ("connection"): the service, its sector, the need it meets and how far it has got. */
export function ConnectionForm(props: {
  referralId: string;
  needs: readonly NeedDomain[];
  draft: Omit<DraftAddress, "form">;
  personName: string;
  feedback: ActionFeedback;
  onSaved?: () => void;
}) {
  const empty = () => ({
    serviceName: "",
    sector: "",
    need: props.needs.length === 1 ? (props.needs[0] ?? "") : "",
    status: "suggested",
  });
  const form = createDraft({ ...props.draft, form: "connection" }, empty);
  // The referral's needs first, then every other need: a person's needs often grow once they talk.
  const needOptions = () => [
    ...props.needs.map((value) => ({ value, label: needLabels[value] })),
    ...NeedDomain.options
      .filter((need) => !props.needs.includes(need))
      .map((value) => ({ value, label: needLabels[value] })),
  ];
  const write = useCaseWrite(() => props.referralId, {
    onSuccess: (_latest, write) => {
      form.reset();
      props.onSaved?.();
      const name = write.kind === "connection" ? write.body.serviceName : "the service";
      props.feedback.succeed(`${props.personName}'s connection to ${name} is recorded.`);
    },
    onError: (error) => props.feedback.failFrom(error, targetFor, ids.serviceName),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const parsed = ConnectionRequest.safeParse({
      serviceName: form.values.serviceName,
      sector: form.values.sector || undefined,
      need: form.values.need || undefined,
      status: form.values.status || undefined,
    });
    if (!parsed.success) {
      return props.feedback.failFields(
        problemsFrom(parsed.error.issues, targetFor, {
          sector: "Select the service's sector",
          need: "Select the need this service meets",
          status: "Select how far the connection has got",
        }),
      );
    }
    write.mutate({ kind: "connection", body: parsed.data });
  };

  return (
    <form novalidate onSubmit={submit} aria-label="Add a connection" data-testid="connection-form">
      <Show when={form.restored()}>
        <DraftRestored />
      </Show>
      <TextInput
        id={ids.serviceName}
        label="Service"
        labelSize="s"
        hint="Its name as the person will know it, like Riverside Walking Group"
        error={props.feedback.messageFor(ids.serviceName)}
        value={form.values.serviceName}
        onInput={(value) => form.set("serviceName", value)}
      />
      <Radios
        id={ids.sector}
        legend="Sector"
        legendSize="s"
        error={props.feedback.messageFor(ids.sector)}
        value={form.values.sector || undefined}
        onChange={(value) => form.set("sector", value)}
        options={sectorOptions}
        small
      />
      <Select
        id={ids.need}
        label="Need it meets"
        labelSize="s"
        error={props.feedback.messageFor(ids.need)}
        value={form.values.need}
        onChange={(value) => form.set("need", value)}
        options={needOptions()}
        emptyLabel="Choose a need"
      />
      <Radios
        id={ids.status}
        legend="Status"
        legendSize="s"
        error={props.feedback.messageFor(ids.status)}
        value={form.values.status || undefined}
        onChange={(value) => form.set("status", value)}
        options={statusOptions}
        inline
        small
      />
      <Button disabled={write.isPending}>{write.isPending ? "Adding…" : "Add connection"}</Button>
    </form>
  );
}
