import { useNavigate, useSearchParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Match, Show, Switch } from "solid-js";
import { isApiError } from "../api/api-error";
import { usePageTitle } from "../components/page-title";
import { QueryBoundary } from "../components/query-boundary";
import { RoleGate } from "../components/role-gate";
import { SearchForm, searchFieldId } from "../components/search/search-form";
import { resultCount, SearchResults } from "../components/search/search-results";
import { searchQuery } from "../queries/search";
import { ErrorSummary } from "../ui/error-summary";

function FindAPerson() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Asked with nothing typed is still asked: the API says what to type.
  const asked = () => typeof params.q === "string";
  const q = () => (typeof params.q === "string" ? params.q.trim() : "");
  const search = useQuery(() => ({ ...searchQuery(q()), enabled: asked() }));
  const problem = () => {
    const error = search.error;
    if (!isApiError(error) || error.status !== 400) return undefined;
    return error.details.find((detail) => detail.path === "q")?.message ?? error.message;
  };
  const announcement = () => {
    if (!asked() || search.isPending) return "";
    if (problem()) return "";
    return search.data ? resultCount(search.data, q()) : "";
  };
  usePageTitle(() => {
    if (problem()) return "Error: Find a person";
    return asked() ? `${announcement() || "Searching"} – Find a person` : "Find a person";
  });
  return (
    <>
      <Show when={problem()}>
        {(message) => (
          <ErrorSummary
            items={[{ targetId: searchFieldId, message: message() }]}
            attempt={search.errorUpdatedAt}
          />
        )}
      </Show>
      <h1 class="nhsuk-heading-l">Find a person</h1>
      <SearchForm
        q={q()}
        error={problem()}
        onSearch={(next) => {
          // Searching again for the same words asks again: someone may have referred them since.
          if (asked() && next === q()) void search.refetch();
          else navigate(`/search?q=${encodeURIComponent(next)}`);
        }}
      />
      <p class="nhsuk-body" role="status" data-testid="search-count">
        {announcement()}
      </p>
      <Switch>
        <Match when={!asked()}>
          <p class="nhsuk-body">
            Search the referrals you can see: your caseload, your organisation's and the ones you made.
          </p>
        </Match>
        <Match when={!problem()}>
          <QueryBoundary query={search} loading="Searching…">
            {(results) => <SearchResults results={results()} q={q()} />}
          </QueryBoundary>
        </Match>
      </Switch>
    </>
  );
}

/** `/search?q=`: staff find a person's referrals by name, NHS number or reference. */
export default function SearchPage() {
  return (
    <RoleGate
      roles={["triage_coordinator", "org_manager", "link_worker", "mdt_member", "referrer"]}
      page="Find a person"
    >
      {() => <FindAPerson />}
    </RoleGate>
  );
}
