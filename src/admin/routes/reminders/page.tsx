import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Button, Container, Heading, Tabs, Text, toast } from "@medusajs/ui"
import { ReminderReportSection } from "../../components/reminders/report-section"
import { ReminderRulesSection } from "../../components/reminders/rules-section"
import { UpcomingSection } from "../../components/reminders/upcoming-section"
import { useRunReminders } from "../../hooks/use-reminders"
import { errorMessage } from "../../lib/error-message"

/** Repurchase reminders: the rules per product, who runs out soon, and what the reminders brought back. */
const RemindersPage = () => {
  const run = useRunReminders()
  const onRun = () =>
    run.mutate(undefined, {
      onSuccess: ({ run: counts }) => {
        const suppressed = Object.values(counts.suppressed).reduce((sum, n) => sum + n, 0)
        toast.success("Reminders sent", { description: `${counts.sent} sent, ${suppressed} suppressed, ${counts.failed} failed` })
      },
      onError: (error) => toast.error("Could not run the reminders", { description: errorMessage(error) }),
    })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Reminders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Remind customers to reorder before what they bought runs out; never after they already did.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={onRun} isLoading={run.isPending}>
          Send due reminders now
        </Button>
      </Container>
      <Tabs defaultValue="rules">
        <Tabs.List>
          <Tabs.Trigger value="rules">Rules</Tabs.Trigger>
          <Tabs.Trigger value="upcoming">Upcoming</Tabs.Trigger>
          <Tabs.Trigger value="report">Report</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="rules" className="mt-3">
          <ReminderRulesSection />
        </Tabs.Content>
        <Tabs.Content value="upcoming" className="mt-3">
          <UpcomingSection />
        </Tabs.Content>
        <Tabs.Content value="report" className="mt-3">
          <ReminderReportSection />
        </Tabs.Content>
      </Tabs>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Reminders",
  icon: BellAlert,
})

export default RemindersPage
