import { AgendaItemUpdate, type Sbar } from "@linkwork/core/mdt/schema";
import { createSignal, For, Show } from "solid-js";
import type { AgendaItem } from "../../queries/meeting";
import { useItemChange } from "../../queries/meeting-items";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { TextInput } from "../../ui/text-input";
import { Textarea } from "../../ui/textarea";
import { createFormProblems } from "./form-problems";
import { sbarParts } from "./sbar-parts";

const emptySbar: Sbar = { situation: "", background: "", assessment: "", recommendation: "" };

/**
 * Before the meeting: the SBAR the server pre-filled from the record (reason, needs, risks, recent
 * timeline), for members to correct, and the minutes the item is given.
 */
export function SbarEditor(props: { item: AgendaItem; onSaved: (item: AgendaItem) => void }) {
  const problems = createFormProblems();
  const [sbar, setSbar] = createSignal<Sbar>({ ...(props.item.sbar ?? emptySbar) });
  const [minutes, setMinutes] = createSignal(String(props.item.slotMinutes));
  const base = () => `sbar-${props.item.id}`;
  const target = (path: string) => {
    const [first, part] = path.split(".");
    if (first === "slotMinutes") return `${base()}-minutes`;
    const known = sbarParts.find((entry) => entry.part === part);
    return first === "sbar" && known ? `${base()}-${known.part}` : undefined;
  };
  const save = useItemChange(() => props.item.meetingId, {
    onSuccess: (item) => {
      problems.clear();
      props.onSaved(item);
    },
    onError: (error) => problems.fromError(error, target, `${base()}-situation`),
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const slotMinutes = Number(minutes());
    const parsed = AgendaItemUpdate.safeParse({ version: props.item.version, sbar: sbar(), slotMinutes });
    if (!parsed.success || !Number.isFinite(slotMinutes) || minutes().trim() === "") {
      problems.fromIssues(
        parsed.success
          ? [{ path: ["slotMinutes"], message: "Enter the minutes for this item, from 1 to 120" }]
          : parsed.error.issues.map((issue) =>
              issue.path[0] === "slotMinutes"
                ? { ...issue, message: "Enter the minutes for this item, from 1 to 120" }
                : issue,
            ),
        target,
        `${base()}-situation`,
      );
      return;
    }
    save.mutate({ kind: "update", itemId: props.item.id, body: parsed.data });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the SBAR">
      <Show when={problems.items().length > 0}>
        <ErrorSummary items={problems.items()} attempt={problems.attempt()} />
      </Show>
      <For each={sbarParts}>
        {(entry) => (
          <Textarea
            id={`${base()}-${entry.part}`}
            label={entry.label}
            error={problems.messageFor(`${base()}-${entry.part}`)}
            value={sbar()[entry.part]}
            onInput={(value) => setSbar((current) => ({ ...current, [entry.part]: value }))}
            rows={3}
          />
        )}
      </For>
      <TextInput
        id={`${base()}-minutes`}
        label="Minutes for this item"
        width={3}
        inputmode="numeric"
        error={problems.messageFor(`${base()}-minutes`)}
        value={minutes()}
        onInput={setMinutes}
      />
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        Save the SBAR
      </Button>
    </form>
  );
}
