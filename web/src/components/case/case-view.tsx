import type { MeasureToolDefinition } from "@linkwork/core/casework/measure-schema";
import type { Case } from "@linkwork/core/casework/schema";
import type { MeasureTool } from "@linkwork/core/casework/vocabulary";
import type { CaseAction } from "@linkwork/core/policy/domain/actions";
import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { readDraft } from "../../drafts/draft-storage";
import { measureToolsQuery } from "../../queries/case";
import type { Me } from "../../queries/me";
import { Details } from "../../ui/details";
import { createActionFeedback } from "../feedback/action-feedback";
import { useArrivalConfirmation } from "../feedback/arrival-confirmation";
import { FeedbackSummary } from "../feedback/feedback-summary";
import { usePageTitle } from "../page-title";
import { QueryBoundary } from "../query-boundary";
import { StatusTag } from "../referral-tags";
import { CaseHeader, personName } from "./case-header";
import { CaseSection } from "./case-section";
import { CloseCase } from "./close-case";
import { createCloseFlow } from "./close-flow";
import { ConnectionForm } from "./connection-form";
import { ConnectionList } from "./connection-list";
import { ContactForm } from "./contact-form";
import { ContactList } from "./contact-list";
import { DomainsForm } from "./domains-form";
import { DomainsSummary } from "./domains-summary";
import { EscalationForm } from "./escalation-form";
import { EscalationList } from "./escalation-list";
import { MeasureForm } from "./measure-form";
import { MeasureSummary } from "./measure-summary";
import { OpenEscalations } from "./open-escalations";
import { PlanForm } from "./plan-form";
import { PlanHistory } from "./plan-history";
import { PlanSummary } from "./plan-summary";
import { UnableToContactPrompt } from "./unable-to-contact";
import "./case.css";

/** Need domains have their own section; the measures section holds the area's wellbeing measures. */
const wellbeingTools = (tools: readonly MeasureToolDefinition[]) =>
  tools.filter((tool) => tool.tool !== "domains");

const sections = [
  { id: "contacts", title: "Contacts" },
  { id: "plan", title: "What matters and the plan" },
  { id: "domains", title: "Need domains" },
  { id: "measures", title: "Wellbeing measures" },
  { id: "connections", title: "Connections" },
  { id: "escalation", title: "Escalation" },
  { id: "close", title: "Close the case" },
] as const;

/**
 * A link worker's case, in the order a working day takes it: who and how to reach them, contacts,
 * what matters and the plan, need domains and wellbeing measures, connections, escalation and
 * closing. Each form shows only where the case's `allowedActions` allow it, and keeps what was
 * typed in this tab until it is sent.
 */
export function CaseView(props: { referral: Referral; case: Case; me: Me }) {
  const feedback = createActionFeedback();
  useArrivalConfirmation(feedback);
  const flow = createCloseFlow();
  const tools = useQuery(() => measureToolsQuery());
  const name = () => personName(props.referral);
  const may = (action: CaseAction) => props.case.allowedActions.includes(action);
  const mayClose = () => may("close") && props.referral.allowedActions.includes("close");
  const draft = { userId: props.me.id, referralId: props.referral.id };
  const hasDraft = (form: string) => readDraft({ ...draft, form }) !== undefined;
  // Forms folded away open when they hold a draft, or when closing asks for a final measure.
  const [opened, setOpened] = createStore<Record<string, boolean>>({});
  const reveal = (tool: MeasureTool) => {
    const key = tool === "domains" ? "domains" : `measure-${tool}`;
    setOpened(key, true);
    queueMicrotask(() => {
      const target = document.getElementById(`${key}-panel`);
      target?.scrollIntoView({ block: "start" });
      target?.querySelector("summary")?.focus({ preventScroll: true });
    });
  };
  const isOpen = (form: string) => opened[form] === true || hasDraft(form);
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}${name()}'s case`);

  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">
        <span class="nhsuk-caption-l">Case · referral {props.referral.reference}</span>
        {name()}
      </h1>
      <p class="nhsuk-body linkwork-status-line">
        <StatusTag status={props.referral.status} />
        <Show when={props.referral.assignedToName}>
          {(worker) => <span class="linkwork-secondary"> Link worker: {worker()}</span>}
        </Show>
      </p>
      <OpenEscalations escalations={props.case.escalations} />
      <Show when={props.case.unableToContactPrompt}>
        <UnableToContactPrompt
          failedAttempts={props.case.failedAttempts}
          personName={name()}
          mayClose={mayClose()}
          onClose={() => flow.open("unable_to_contact")}
        />
      </Show>
      <CaseHeader referral={props.referral} case={props.case} />
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-quarter">
          <nav class="linkwork-case-contents" aria-label="On this page">
            <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">On this page</h2>
            <ul class="nhsuk-list">
              <For each={sections}>
                {(section) => (
                  <li>
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        </div>
        <div class="nhsuk-grid-column-three-quarters">
          <CaseSection id="contacts" title="Contacts">
            <p class="nhsuk-body" data-testid="failed-attempts">
              {props.case.failedAttempts === 0
                ? `${props.case.contactCount} logged. No failed attempts since the last contact.`
                : `${props.case.failedAttempts} failed ${props.case.failedAttempts === 1 ? "attempt" : "attempts"} in a row since the last contact.`}
            </p>
            <Show when={may("record_contact")}>
              <ContactForm
                referralId={props.referral.id}
                draft={draft}
                personName={name()}
                feedback={feedback}
              />
            </Show>
            <h3 class="nhsuk-heading-s">Logged contacts</h3>
            <ContactList contacts={props.case.contacts} />
          </CaseSection>

          <CaseSection id="plan" title="What matters and the plan">
            <Show
              when={may("update_plan")}
              fallback={
                <PlanSummary
                  whatMatters={props.case.whatMatters}
                  goals={props.case.plan.goals}
                  reviewOn={props.case.plan.reviewOn}
                />
              }
            >
              <PlanForm case={props.case} draft={draft} personName={name()} feedback={feedback} />
            </Show>
            <PlanHistory history={props.case.plan.history} />
          </CaseSection>

          <CaseSection id="domains" title="Need domains">
            <p class="nhsuk-body">
              How the person is managing with each need: not managing, getting support, managing or thriving.
            </p>
            <DomainsSummary case={props.case} needs={props.referral.needs} />
            <Show when={may("record_measure")}>
              <div id="domains-panel">
                <Details summary="Record need domains" open={isOpen("domains")}>
                  <DomainsForm
                    case={props.case}
                    needs={props.referral.needs}
                    draft={draft}
                    personName={name()}
                    feedback={feedback}
                  />
                </Details>
              </div>
            </Show>
          </CaseSection>

          <CaseSection id="measures" title="Wellbeing measures">
            <MeasureSummary comparisons={props.case.measureSummary} />
            <Show when={may("record_measure")}>
              <QueryBoundary query={tools} loading="Loading your area's measures…">
                {(available) => (
                  <For each={wellbeingTools(available().tools)}>
                    {(tool) => (
                      <div id={`measure-${tool.tool}-panel`}>
                        <Details summary={`Record ${tool.name}`} open={isOpen(`measure-${tool.tool}`)}>
                          <MeasureForm
                            case={props.case}
                            tool={tool}
                            draft={draft}
                            personName={name()}
                            feedback={feedback}
                          />
                        </Details>
                      </div>
                    )}
                  </For>
                )}
              </QueryBoundary>
            </Show>
          </CaseSection>

          <CaseSection id="connections" title="Connections">
            <ConnectionList
              connections={props.case.connections}
              referralId={props.referral.id}
              mayUpdate={may("record_connection")}
              feedback={feedback}
            />
            <Show when={may("record_connection")}>
              <Details summary="Add a connection" open={isOpen("connection")}>
                <ConnectionForm
                  referralId={props.referral.id}
                  needs={props.referral.needs}
                  draft={draft}
                  personName={name()}
                  feedback={feedback}
                />
              </Details>
            </Show>
          </CaseSection>

          <CaseSection id="escalation" title="Escalation">
            <EscalationList
              escalations={props.case.escalations}
              referralId={props.referral.id}
              mayResolve={may("resolve_escalation")}
              draft={draft}
              feedback={feedback}
            />
            <Show when={may("escalate")}>
              <Details summary="Escalate a concern" open={isOpen("escalation")}>
                <EscalationForm
                  referralId={props.referral.id}
                  draft={draft}
                  personName={name()}
                  feedback={feedback}
                />
              </Details>
            </Show>
          </CaseSection>

          <CaseSection id="close" title="Close the case" headingId="close-heading">
            <CloseCase
              referral={props.referral}
              case={props.case}
              tools={wellbeingTools(tools.data?.tools ?? [])}
              mayClose={mayClose()}
              flow={flow}
              draft={draft}
              personName={name()}
              feedback={feedback}
              onRecordFinal={reveal}
            />
          </CaseSection>
        </div>
      </div>
    </>
  );
}
