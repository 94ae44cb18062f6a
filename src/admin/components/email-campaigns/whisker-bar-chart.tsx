import { Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { WhiskerBar } from "../../lib/email-campaign-report"

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: WhiskerBar }> }

/** The value of the bar under the pointer, with its interval. */
const Hint = ({ active, payload, format }: TooltipProps & { format: (value: number) => string }) => {
  const row = active ? payload?.[0]?.payload : undefined
  if (!row || row.value === null) return null
  return (
    <div className="bg-ui-bg-base shadow-elevation-tooltip txt-compact-small rounded-md px-3 py-2">
      <div className="txt-compact-small-plus">
        {row.label}: {format(row.value)}
      </div>
      {row.range && (
        <div className="text-ui-fg-subtle">
          95 % interval {format(row.range.low)} to {format(row.range.high)}
        </div>
      )}
    </div>
  )
}

/**
 * A small bar chart of a few labelled values, each with an optional whisker (a 95 % interval),
 * a line at zero (differences may be negative), and the interval in the tooltip.
 */
export const WhiskerBarChart = ({
  title,
  rows,
  colors,
  format,
  height = 200,
}: {
  title: string
  rows: WhiskerBar[]
  colors: string[]
  format: (value: number) => string
  height?: number
}) => (
  <figure className="flex min-w-0 flex-col gap-y-1">
    <Text size="small" weight="plus" asChild>
      <figcaption>{title}</figcaption>
    </Text>
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 12, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(value: number) => format(value)} tick={{ fontSize: 11 }} width={72} />
          <Tooltip content={(props) => <Hint active={props.active} payload={props.payload} format={format} />} cursor={{ fill: "var(--bg-base-hover)" }} />
          <ReferenceLine y={0} stroke="var(--border-strong)" />
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={56}>
            {rows.map((row, i) => (
              <Cell key={row.label} fill={colors[i % colors.length]} />
            ))}
            <ErrorBar dataKey="whisker" width={10} strokeWidth={2} stroke="var(--fg-base)" direction="y" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  </figure>
)
