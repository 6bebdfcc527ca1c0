import type { JSX } from "solid-js";

export type ButtonVariant = "primary" | "secondary" | "reverse" | "warning" | "login";

function buttonClasses(variant: ButtonVariant | undefined, small: boolean | undefined) {
  return {
    "nhsuk-button": true,
    [`nhsuk-button--${variant}`]: variant !== undefined && variant !== "primary",
    "nhsuk-button--small": small === true,
  };
}

export function Button(props: {
  type?: "button" | "submit";
  variant?: ButtonVariant;
  small?: boolean;
  disabled?: boolean;
  onClick?: () => void;
  children: JSX.Element;
}) {
  return (
    <button
      type={props.type ?? "submit"}
      classList={buttonClasses(props.variant, props.small)}
      disabled={props.disabled}
      aria-disabled={props.disabled ? "true" : undefined}
      data-module="nhsuk-button"
      onClick={() => props.onClick?.()}
    >
      {props.children}
    </button>
  );
}

/**
 * A link that looks like a button, for starting a journey ("Refer someone"). It stays a link to
 * assistive technology, since following it goes somewhere rather than doing something.
 */
export function ButtonLink(props: {
  href: string;
  variant?: ButtonVariant;
  small?: boolean;
  children: JSX.Element;
}) {
  return (
    <a
      href={props.href}
      classList={buttonClasses(props.variant, props.small)}
      draggable="false"
      data-module="nhsuk-button"
    >
      {props.children}
    </a>
  );
}
