import { useUser } from "@linkwork/core/actor";
import { messageBackPdf } from "@linkwork/core/message-back/document";
import { readMessageBack } from "@linkwork/core/message-back/read";
import { MessageBack } from "@linkwork/core/message-back/schema";
import * as z from "zod";
import type { ApiEnv } from "../env";
import { createRoute, OpenApiRoutes } from "../openapi-routes";
import { errorResponses, ReferralIdParam } from "../schemas";

const read = createRoute({
  method: "get",
  path: "/referrals/{id}/message-back",
  tags: ["casework"],
  summary: "The message back to the GP and referrer once support has ended, as JSON or a PDF",
  description:
    "For the referrer of their own referral, the case's link worker and manager, and triage coordinators, once the referral is closed; anyone else, and an open referral, 404. Send `Accept: application/pdf` for the PDF.",
  request: { params: ReferralIdParam },
  responses: {
    200: {
      description: "The message back",
      content: {
        "application/json": { schema: MessageBack },
        "application/pdf": { schema: z.string().meta({ format: "binary" }) },
      },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

/** Whether the caller asked for the PDF rather than JSON. */
function wantsPdf(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*application\/pdf\s*(;|,|$)/i.test(accept);
}

export const messageBackRoutes = new OpenApiRoutes<ApiEnv>().openapi(read, async (c) => {
  const messageBack = await readMessageBack(c.get("context"), useUser(), c.req.valid("param").id);
  if (!wantsPdf(c.req.header("accept"))) return c.json(messageBack, 200);
  const pdf = messageBackPdf(messageBack);
  return c.body(pdf, 200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="message-back-${messageBack.reference}.pdf"`,
    "Cache-Control": "no-store",
  });
});
