import { ExclamationCircle } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import { inputLabel } from "../../lib/segment-labels"
import type { NodeIssue } from "../../lib/segment-tree"

/** The server's objections to one node of the tree, each naming the input it is about. */
export const NodeIssues = ({ field, issues }: { field?: string; issues: NodeIssue[] }) =>
  issues.length ? (
    <div role={issues.some((issue) => !issue.soft) ? "alert" : undefined} className="flex flex-col gap-y-0.5">
      {issues.map((issue, index) => (
        <Text key={index} size="small" className={clx("flex items-start gap-x-1", issue.soft ? "text-ui-fg-subtle" : "text-ui-fg-error")}>
          {!issue.soft && <ExclamationCircle className="mt-0.5 shrink-0" />}
          <span>
            {issue.input && issue.input !== "field" ? `${inputLabel(field ?? "", issue.input)}: ` : ""}
            {issue.message}
          </span>
        </Text>
      ))}
    </div>
  ) : null
