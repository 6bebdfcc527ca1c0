import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { MessageBackActions } from "../../../components/message-back/message-back-actions";
import { MessageBackDocument } from "../../../components/message-back/message-back-document";
import { NotFound } from "../../../components/not-found";
import { usePageTitle } from "../../../components/page-title";
import { QueryBoundary } from "../../../components/query-boundary";
import { messageBackQuery } from "../../../queries/message-back";
import { BackLink } from "../../../ui/back-link";

/**
 * `/referrals/:id/message-back`: what the GP and referrer are told when support ends, to read,
 * print (navigation hidden, A4) or save as a PDF. Before closure, or outside the reader's
 * relationship, there is none to see: the API answers 404 for both.
 */
export default function MessageBackPage() {
  const params = useParams<{ id: string }>();
  const message = useQuery(() => messageBackQuery(params.id));
  usePageTitle(() =>
    message.data
      ? `Message back for ${message.data.person?.name ?? `referral ${message.data.reference ?? ""}`}`
      : "Message back",
  );
  return (
    <>
      <div class="linkwork-no-print">
        <BackLink href={`/referrals/${params.id}`}>Back to the referral</BackLink>
      </div>
      <QueryBoundary
        query={message}
        loading="Loading the message back…"
        badIdIsNotFound
        notFound={
          <NotFound heading="Message back not found">
            <p class="nhsuk-body">
              There is no message back here that you can see. A message back is written when support ends and
              the case is closed.
            </p>
            <p class="nhsuk-body">
              <a href={`/referrals/${params.id}`}>Go to the referral</a>
            </p>
          </NotFound>
        }
      >
        {(data) => (
          <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-full linkwork-message-back__page">
              <MessageBackActions referralId={params.id} reference={data().reference} />
              <MessageBackDocument message={data()} />
            </div>
          </div>
        )}
      </QueryBoundary>
    </>
  );
}
