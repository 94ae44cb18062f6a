import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MANAGEMENT_REPORTS, type ManagementReportName } from "../reports"
import type { ManagementReport } from "../reports/report"

export type ComputeManagementReportInput = { report: ManagementReportName; params: Record<string, unknown> }

/** A stored workflow input comes back with its dates as ISO strings; the reports bind and compare Dates. */
function withDates(params: Record<string, unknown>): Record<string, unknown> {
  const revived = { ...params }
  for (const key of ["from", "to"]) {
    if (revived[key] !== undefined) revived[key] = new Date(revived[key] as string | Date)
  }
  return revived
}

/** Runs one management report over the facts, loyalty, B2B and campaign tables. Reads only: nothing to compensate. */
export async function computeManagementReport(container: MedusaContainer, input: ComputeManagementReportInput): Promise<object> {
  const report = MANAGEMENT_REPORTS[input.report] as ManagementReport<Record<string, unknown>, object> | undefined
  if (!report) {
    throw new Error(`unknown management report ${input.report}`)
  }
  return report.run(container, withDates(input.params))
}

export const computeManagementReportStep = createStep(
  "compute-management-report",
  async (input: ComputeManagementReportInput, { container }) => new StepResponse(await computeManagementReport(container, input))
)
