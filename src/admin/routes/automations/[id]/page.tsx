import { Button, Container, Text, toast, usePrompt } from "@medusajs/ui"
import { useNavigate, useParams } from "react-router-dom"
import { errorMessage } from "../../../lib/error-message"
import { AutomationEditor } from "../components/automation-editor"
import { AutomationReportSection } from "../components/report-section"
import { useAutomation, useDeleteAutomation } from "../lib/use-automations"

/** One automation: its editor (steps as a vertical flow) and its report. */
const AutomationPage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const { data, error, isLoading } = useAutomation(id)
  const remove = useDeleteAutomation()
  const prompt = usePrompt()
  if (error) return <Text className="text-ui-fg-error">{errorMessage(error)}</Text>
  if (isLoading || !data) return <Text>Loading…</Text>
  const onDelete = async () => {
    const ok = await prompt({ title: "Delete this automation?", description: "Customers in it leave at their next step.", confirmText: "Delete", cancelText: "Cancel" })
    if (!ok) return
    remove.mutate(data.automation.id, {
      onSuccess: () => navigate("/automations"),
      onError: (e) => toast.error("Could not delete", { description: errorMessage(e) }),
    })
  }
  return (
    <div className="flex flex-col gap-y-3">
      <AutomationEditor key={data.automation.id} automation={data.automation} onSaved={() => undefined} />
      <AutomationReportSection id={data.automation.id} />
      <Container className="flex justify-end px-6 py-3">
        <Button size="small" variant="danger" onClick={onDelete} isLoading={remove.isPending}>
          Delete automation
        </Button>
      </Container>
    </div>
  )
}

export default AutomationPage
