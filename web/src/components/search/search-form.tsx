import { createEffect, createSignal } from "solid-js";
import { Button } from "../../ui/button";
import { TextInput } from "../../ui/text-input";

export const searchFieldId = "search-q";

/** What to search for, with an example of each way; the search runs when it is submitted. */
export function SearchForm(props: { q: string; error?: string | undefined; onSearch: (q: string) => void }) {
  const [text, setText] = createSignal(props.q);
  createEffect(() => setText(props.q));
  return (
    <form
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(text().trim());
      }}
    >
      <TextInput
        id={searchFieldId}
        name="q"
        label="Name, NHS number or referral reference"
        labelSize="s"
        hint="For example, Ada Oka, 943 476 5919 or LW-7K3M-Q9P2"
        error={props.error}
        value={text()}
        onInput={setText}
        width={30}
        autocomplete="off"
        spellcheck={false}
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
