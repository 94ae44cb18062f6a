import { Text } from "@medusajs/ui"
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts"
import { formatRate, type FunnelStep } from "../../lib/email-campaign-report"
import { formatCount } from "../../lib/segment-format"

const COLORS = ["var(--tag-neutral-icon)", "var(--tag-blue-icon)", "var(--tag-blue-icon)", "var(--tag-purple-icon)", "var(--tag-purple-icon)", "var(--tag-green-icon)"]

/** Audience → sent → delivered → opened → clicked → orders, each bar with its count and its share of the step before. */
export const FunnelChart = ({ steps }: { steps: FunnelStep[] }) => {
  const rows = steps.map((step) => ({
    ...step,
    caption: step.ofPrevious === null ? formatCount(step.value) : `${formatCount(step.value)} · ${formatRate(step.ofPrevious)}`,
  }))
  return (
    <figure className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" asChild>
        <figcaption>Funnel</figcaption>
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Each step with its share of the one before; the audience includes the holdout, who are not sent to.
      </Text>
      <div style={{ height: 40 * rows.length + 16 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 120, bottom: 0, left: 8 }}>
            <XAxis type="number" hide domain={[0, "dataMax"]} />
            <YAxis type="category" dataKey="label" width={80} tick={{ fontSize: 12 }} axisLine={false} tickLine={false} />
            <Bar dataKey="value" isAnimationActive={false} barSize={22} radius={[0, 4, 4, 0]} minPointSize={2}>
              {rows.map((row, i) => (
                <Cell key={row.key} fill={COLORS[i % COLORS.length]} />
              ))}
              <LabelList dataKey="caption" position="right" style={{ fontSize: 12, fill: "var(--fg-subtle)" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
