import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { HistoryImportEvents } from "./import-history-events"
import { resumeHistoryImportStep } from "./steps/resume-history-import"

export const resumeHistoryImportWorkflowId = "resume-history-import"

/** Asks the worker to run a failed or stalled import again; it continues after its last saved line. */
export const resumeHistoryImportWorkflow = createWorkflow(resumeHistoryImportWorkflowId, (input: { id: string }) => {
  const resumed = resumeHistoryImportStep({ id: input.id })
  emitEventStep({ eventName: HistoryImportEvents.REQUESTED, data: transform({ resumed }, ({ resumed }) => ({ id: resumed.id })) })
  return new WorkflowResponse(resumed)
})
