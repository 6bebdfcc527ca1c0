import { For, type JSX, Show } from "solid-js";

/** An NHS.UK table that scrolls sideways on narrow screens rather than squeezing its columns. */
export function Table(props: {
  caption?: string;
  /** Keep the caption for screen readers only, when a heading above already says the same. */
  hideCaption?: boolean;
  /** What the table is, for a table without a caption (it names the scrolling region). */
  label?: string;
  headers: readonly string[];
  children: JSX.Element;
}) {
  return (
    // A table wider than a phone scrolls inside its container: keyboard users reach it as a named region.
    <section
      class="nhsuk-table-container"
      // Named apart from the section around it, which often has the same heading as the caption.
      aria-label={props.caption || props.label ? `Table: ${props.caption ?? props.label}` : undefined}
      tabindex={props.caption || props.label ? 0 : undefined}
    >
      <table class="nhsuk-table">
        <Show when={props.caption}>
          <caption
            class="nhsuk-table__caption"
            classList={{ "nhsuk-u-visually-hidden": props.hideCaption === true }}
          >
            {props.caption}
          </caption>
        </Show>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <For each={props.headers}>
              {(header) => (
                <th class="nhsuk-table__header" scope="col">
                  {header}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">{props.children}</tbody>
      </table>
    </section>
  );
}

export function TableRow(props: { children: JSX.Element }) {
  return <tr class="nhsuk-table__row">{props.children}</tr>;
}

/** A body cell; `rowHeader` makes it the row's heading (`th scope="row"`), as the first cell usually is. */
export function TableCell(props: { rowHeader?: boolean; children: JSX.Element }) {
  return (
    <Show when={props.rowHeader} fallback={<td class="nhsuk-table__cell">{props.children}</td>}>
      <th class="nhsuk-table__header" scope="row">
        {props.children}
      </th>
    </Show>
  );
}
