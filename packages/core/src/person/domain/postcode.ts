/** UK postcode: outward code (area + district) then inward code (sector + unit). */
const postcodePattern = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

export function normalisePostcode(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/\s+/g, "");
  const match = postcodePattern.exec(compact);
  if (!match) return undefined;
  return `${match[1]} ${match[2]}`;
}

/** The postcode district ("NS1" of "NS1 4AB"), which is what service areas are drawn on. */
export function postcodeDistrict(postcode: string): string {
  return postcode.split(" ")[0] ?? postcode;
}
