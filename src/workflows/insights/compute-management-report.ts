import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { computeManagementReportStep, type ComputeManagementReportInput } from "./steps/compute-management-report"

export type ComputeManagementReportWorkflowInput = ComputeManagementReportInput

export const computeManagementReportWorkflowId = "compute-management-report"

/** One management report (customers per month, cohorts, RFM grid, sales reps, points liability, marketing revenue). */
export const computeManagementReportWorkflow = createWorkflow(
  computeManagementReportWorkflowId,
  (input: WorkflowData<ComputeManagementReportWorkflowInput>) => new WorkflowResponse(computeManagementReportStep(input))
)
