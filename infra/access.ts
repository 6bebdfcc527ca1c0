import * as iam from "aws-cdk-lib/aws-iam";
import type { Table } from "sst/constructs";
import type { TableAction } from "./table-actions";

export {
  apiTableActions,
  subscriberTableActions,
  subscriberTableActionsFor,
  sweepTableActions,
  sweepTableActionsFor,
  type TableAction,
  webSocketTableActions,
} from "./table-actions";

/** Item actions on the table alone; Query on the table and its global indexes. */
export function tableAccess(table: Table, actions: readonly TableAction[]): iam.PolicyStatement[] {
  const itemActions = actions.filter((action) => action !== "Query");
  const statements: iam.PolicyStatement[] = [];
  if (itemActions.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        actions: itemActions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn],
      }),
    );
  }
  if (actions.includes("Query")) {
    statements.push(
      new iam.PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
  }
  return statements;
}
