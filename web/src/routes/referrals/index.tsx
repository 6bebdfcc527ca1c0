import { ReferralStatus } from "@linkwork/core/referral/schema";
import { useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { usePageTitle } from "../../components/page-title";
import { ReferralList } from "../../components/referral-list";
import { statusLabels } from "../../labels/referral-labels";

const filterLinks = [
  { status: "received", text: "Waiting for triage" },
  { status: "triaged", text: "Triaged" },
  { status: "allocated", text: "Allocated" },
  { status: undefined, text: "All" },
] as const;

/** `/referrals?status=received` is the triage queue; other statuses list the referrals at that stage. */
export default function ReferralsPage() {
  const [searchParams] = useSearchParams<{ status?: string }>();
  const status = () => {
    const parsed = ReferralStatus.safeParse(searchParams.status);
    return parsed.success ? parsed.data : undefined;
  };
  const heading = () => {
    const current = status();
    if (current === "received") return "Triage queue";
    return current ? `${statusLabels[current]} referrals` : "All referrals";
  };
  usePageTitle(heading);

  return (
    <>
      <h1 class="nhsuk-heading-l">{heading()}</h1>
      <Show when={status() === "received"}>
        <p class="nhsuk-body">
          New referrals waiting to be triaged. Aim to triage each one within 2 working days.
        </p>
      </Show>
      <nav aria-label="Filter referrals by status">
        <ul class="linkwork-filter-list">
          <For each={filterLinks}>
            {(link) => (
              <li>
                <a
                  href={link.status ? `/referrals?status=${link.status}` : "/referrals"}
                  aria-current={status() === link.status ? "page" : undefined}
                >
                  {link.text}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <ReferralList
        filters={{ status: status() }}
        caption={heading()}
        showStatus={status() === undefined}
        empty={
          status() === "received"
            ? "There are no referrals waiting for triage."
            : "There are no referrals here."
        }
      />
    </>
  );
}
