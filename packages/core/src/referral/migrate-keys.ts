import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "../context";
import { hasChanges, itemUpdate } from "../db/item-update";
import { transactWrite } from "../db/transact";
import type { ReferralItem } from "./mapper";

/**
 * Rewrites every stored referral whose attributes or index keys differ from what this version
 * writes (the area key, the monthly received-order partition, the sparse indexes), each as a
 * conditional update on its version. A referral changed while it runs is skipped and counted:
 * run it again until nothing is skipped. Idempotent: a table already in shape is read and left alone. It scans the table, so it is an
 * operator's step with their own credentials (docs/migrations.md), and the local runtime's at start.
 */
export async function rewriteReferralKeys(
  context: Context,
): Promise<{ examined: number; rewritten: number; skipped: number }> {
  const { referral } = context.db.entities;
  let examined = 0;
  let rewritten = 0;
  let skipped = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await context.db.client.send(
      new ScanCommand({
        TableName: context.db.tableName,
        FilterExpression: "#entity = :referral",
        ExpressionAttributeNames: { "#entity": "__edb_e__" },
        ExpressionAttributeValues: { ":referral": "referral" },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const before of page.Items ?? []) {
      examined++;
      const parsed = referral.parse({ Item: before }).data as ReferralItem | null;
      if (!parsed) continue;
      const after = referral.put(parsed).params().Item as Record<string, unknown>;
      if (!hasChanges(before, after)) continue;
      const update = itemUpdate({
        tableName: context.db.tableName,
        before,
        after,
        expect: { version: parsed.version },
      });
      if ((await transactWrite(context, [{ Update: update }])).canceled) skipped++;
      else rewritten++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { examined, rewritten, skipped };
}
