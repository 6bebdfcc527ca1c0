import * as z from "zod";
import { Referral } from "../referral/schema";
import { maximumQueryLength, readSearchQuery, searchWays } from "./domain/query";

export const SearchWay = z.enum(searchWays);

/** `GET /api/search?q=`: what was typed, read as an NHS number, a reference or a name. */
export const SearchRequest = z.object({
  q: z
    .string({ error: "Type a name, an NHS number or a reference to search for" })
    // Far longer than any query: the reading below says what the limit is.
    .max(maximumQueryLength * 10, {
      error: `Search for at most ${maximumQueryLength} characters`,
      abort: true,
    })
    .transform((value, context) => {
      const reading = readSearchQuery(value);
      if (reading.ok) return reading.terms;
      context.addIssue({ code: "custom", message: reading.problem, input: value });
      return z.NEVER;
    })
    .meta({
      description:
        "A whole NHS number (spaces allowed), a reference such as LW-7K3M-Q9P2, or a name (each word the beginning of a given or family name); 2 to 100 characters",
      example: "Ada Oka",
    }),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export const SearchResults = z
  .object({
    items: z
      .array(Referral)
      .meta({ description: "Best first: an exact NHS number or reference, then open, then newest" }),
    searchedBy: z.array(SearchWay).meta({ description: "How the query was read" }),
    truncated: z.boolean().meta({
      description:
        "More matched than are shown, or the search stopped before it had read every referral the caller may see: add more of the name, or search by NHS number or reference",
    }),
  })
  .meta({ id: "SearchResults" });
export type SearchResults = z.infer<typeof SearchResults>;
