import { useNavigate } from "react-router-dom"
import { AutomationEditor } from "../components/automation-editor"

/** A new automation, off until switched on. */
const CreateAutomationPage = () => {
  const navigate = useNavigate()
  return <AutomationEditor onSaved={(id) => navigate(`/automations/${id}`)} />
}

export default CreateAutomationPage
