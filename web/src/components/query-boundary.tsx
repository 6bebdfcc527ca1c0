import { type Accessor, type JSX, Match, Switch } from "solid-js";
import { isApiError } from "../api/api-error";
import { Button } from "../ui/button";
import { NotFound } from "./not-found";

/**
 * Loading, failure and success of one query, in one place. A 404 is a "not found" page (the API
 * answers 404 for records outside the user's relationship too); anything else offers a retry.
 */
export interface QueryState<T> {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  data: T | undefined;
  refetch: () => Promise<unknown>;
}

export function QueryBoundary<T>(props: {
  query: QueryState<T>;
  loading?: string;
  notFound?: JSX.Element;
  /**
   * For a page's own record, read by the id in its address: a 400 means the address names nothing
   * (an id that is not an id), so it is "not found" too. Off for queries inside a page, whose 400 is a fault.
   */
  badIdIsNotFound?: boolean;
  /** Called once; `data` follows refetches, so forms inside keep what the user typed. */
  children: (data: Accessor<T>) => JSX.Element;
}) {
  const error = () => props.query.error;
  const status = () => {
    const current = error();
    return isApiError(current) ? current.status : undefined;
  };
  return (
    <Switch>
      <Match when={props.query.isPending}>
        <p class="nhsuk-body" role="status">
          {props.loading ?? "Loading…"}
        </p>
      </Match>
      <Match when={status() === 404 || (props.badIdIsNotFound === true && status() === 400)}>
        {props.notFound ?? <NotFound />}
      </Match>
      <Match when={status() === 403}>
        <h1 class="nhsuk-heading-l">You do not have access to this page</h1>
        <p class="nhsuk-body">Your role does not allow you to see this information.</p>
      </Match>
      <Match when={props.query.isError}>
        <h1 class="nhsuk-heading-l">Sorry, there is a problem with the service</h1>
        <p class="nhsuk-body">{error()?.message}</p>
        <p class="nhsuk-body">Try again. If it keeps happening, contact your local support team.</p>
        <Button type="button" variant="secondary" onClick={() => void props.query.refetch()}>
          Try again
        </Button>
      </Match>
      <Match when={props.query.data !== undefined}>{props.children(() => props.query.data as T)}</Match>
    </Switch>
  );
}
