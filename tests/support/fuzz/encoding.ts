const unreserved = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes every byte of the text's UTF-8 form except the unreserved characters. Unlike
 * encodeURIComponent it never throws: a lone surrogate becomes U+FFFD, as a browser would send it.
 */
export function percentEncode(text: string): string {
  let encoded = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const character = String.fromCharCode(byte);
    encoded += unreserved.test(character)
      ? character
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** A path segment or query part either encoded from text, or sent exactly as written. */
export type UrlPart = { text: string } | { raw: string };

export function encodePart(part: UrlPart): string {
  return "raw" in part ? part.raw : percentEncode(part.text);
}

/** Base64url, as ElectroDB writes its cursors. */
export function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
