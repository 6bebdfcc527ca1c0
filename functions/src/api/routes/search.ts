import { SearchRequest, SearchResults } from "@linkwork/core/search/schema";
import { searchReferrals } from "@linkwork/core/search/search";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, json } from "../schemas";

const search = createRoute({
  method: "get",
  path: "/search",
  tags: ["referrals"],
  summary: "Find a person's referrals by NHS number, reference or name, among those the caller may see",
  request: { query: SearchRequest },
  responses: {
    200: json(SearchResults, "The referrals found, best first, at most 50"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export const searchRoutes = new OpenApiRoutes<ApiEnv>().openapi(search, async (c) => {
  const { q } = c.req.query();
  return c.json(await searchReferrals(c.get("context"), c.get("user"), { q: q ?? "" }), 200);
});
