/** A phone number a link worker can tap to call: `tel:` takes the digits, the text keeps its spacing. */
export function PhoneLink(props: { phone: string; name?: string }) {
  const digits = () => props.phone.replace(/[^\d+]/g, "");
  return (
    <a href={`tel:${digits()}`} class="linkwork-nowrap">
      {props.phone}
      {props.name ? <span class="nhsuk-u-visually-hidden"> (call {props.name})</span> : null}
    </a>
  );
}
