import type { JSX } from "solid-js";

export type TagColour =
  | "default"
  | "white"
  | "grey"
  | "green"
  | "aqua-green"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export function Tag(props: { colour?: TagColour; class?: string; children: JSX.Element }) {
  return (
    <strong
      class="nhsuk-tag"
      classList={{
        [`nhsuk-tag--${props.colour}`]: props.colour !== undefined && props.colour !== "default",
        [props.class ?? ""]: props.class !== undefined,
      }}
    >
      {props.children}
    </strong>
  );
}
