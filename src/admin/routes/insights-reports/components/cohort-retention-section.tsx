import { Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatCount, formatPercent, monthName } from "../format"
import type { CohortRetentionReport, ReportQuery } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { SelectField } from "./field"
import { ReportSection } from "./section"

export const MONTH_SPANS = ["6", "12", "24", "36"]

/** Cohort retention as a heat map: one row per first-order month, one column per month after it. */
export const CohortRetentionSection = ({ period }: { period: ReportQuery }) => {
  const [months, setMonths] = useState("12")
  const params = { ...period, months }
  const query = useReport<CohortRetentionReport>("cohort-retention", params)
  const cohorts = query.data?.cohorts ?? []
  const width = Math.max(0, ...cohorts.map((c) => c.months.length))
  return (
    <ReportSection
      title="Cohort retention"
      description="Customers grouped by the month of their first order; each cell is the share of the cohort who ordered in that month after it (month 0 is the first order)."
      controls={
        <>
          <SelectField id="retention-months" label="Months followed" value={months} onChange={setMonths} options={MONTH_SPANS.map((m) => ({ value: m, label: m }))} />
          <CsvButton name="cohort-retention" query={params} />
        </>
      }
      query={query}
      isEmpty={cohorts.length === 0}
      emptyText="No first orders in this period."
    >
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Cohort</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
              {Array.from({ length: width }, (_, offset) => (
                <Table.HeaderCell key={offset} className="text-center">
                  {offset}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {cohorts.map((cohort) => (
              <Table.Row key={cohort.cohort}>
                <Table.Cell>{monthName(cohort.cohort)}</Table.Cell>
                <Table.Cell className="text-right">{formatCount(cohort.customers)}</Table.Cell>
                {Array.from({ length: width }, (_, offset) => {
                  const cell = cohort.months[offset]
                  return (
                    <Table.Cell
                      key={offset}
                      className="text-center"
                      style={cell ? { backgroundColor: `color-mix(in srgb, var(--tag-blue-icon) ${Math.round(cell.retention * 80)}%, transparent)` } : undefined}
                      title={cell ? `${cell.active_customers} of ${cohort.customers}` : "not reached yet"}
                    >
                      {cell ? <Text size="xsmall">{formatPercent(cell.retention)}</Text> : null}
                    </Table.Cell>
                  )
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </ReportSection>
  )
}
