import { Route, Router } from "@solidjs/router";
import { QueryClientProvider } from "@tanstack/solid-query";
import { lazy } from "solid-js";
import { Layout } from "./components/layout";
import { NotFound } from "./components/not-found";
import { RequireSignIn } from "./components/require-sign-in";
import { queryClient } from "./query-client";

const SignInPage = lazy(() => import("./routes/sign-in/index"));
const SignInCallbackPage = lazy(() => import("./routes/sign-in/callback"));
const SelfReferralPage = lazy(() => import("./routes/self-referral"));
const HomePage = lazy(() => import("./routes/index"));
const ReferralsPage = lazy(() => import("./routes/referrals/index"));
const NewReferralPage = lazy(() => import("./routes/referrals/new"));
const ReferralPage = lazy(() => import("./routes/referrals/[id]/index"));
const ReferralSentPage = lazy(() => import("./routes/referrals/[id]/sent"));
const CasePage = lazy(() => import("./routes/referrals/[id]/case"));
const MessageBackPage = lazy(() => import("./routes/referrals/[id]/message-back"));
const IncomingPage = lazy(() => import("./routes/incoming"));
const ReadyPage = lazy(() => import("./routes/ready"));
const CaseloadPage = lazy(() => import("./routes/caseload"));
const LinkWorkersPage = lazy(() => import("./routes/link-workers"));
const PersonRecordPage = lazy(() => import("./routes/people/[id]/edit"));
const MdtPage = lazy(() => import("./routes/mdt/index"));
const MeetingPage = lazy(() => import("./routes/mdt/meetings/[meetingId]"));
const ActionsPage = lazy(() => import("./routes/actions"));
const SearchPage = lazy(() => import("./routes/search"));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/sign-in/callback" component={SignInCallbackPage} />
        <Route path="/self-referral" component={SelfReferralPage} />
        <Route component={RequireSignIn}>
          <Route path="/" component={HomePage} />
          <Route path="/referrals" component={ReferralsPage} />
          <Route path="/referrals/new" component={NewReferralPage} />
          <Route path="/referrals/:id" component={ReferralPage} />
          <Route path="/referrals/:id/sent" component={ReferralSentPage} />
          <Route path="/referrals/:id/case" component={CasePage} />
          <Route path="/referrals/:id/message-back" component={MessageBackPage} />
          <Route path="/incoming" component={IncomingPage} />
          <Route path="/ready" component={ReadyPage} />
          <Route path="/caseload" component={CaseloadPage} />
          <Route path="/link-workers" component={LinkWorkersPage} />
          <Route path="/people/:id/edit" component={PersonRecordPage} />
          <Route path="/mdt" component={MdtPage} />
          <Route path="/mdt/meetings/:meetingId" component={MeetingPage} />
          <Route path="/actions" component={ActionsPage} />
          <Route path="/search" component={SearchPage} />
        </Route>
        <Route path="*" component={() => <NotFound />} />
      </Router>
    </QueryClientProvider>
  );
}
