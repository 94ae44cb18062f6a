import { Badge, Button, Table, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../lib/error-message"
import { formatMoney } from "../../lib/segment-format"
import { describeBand, type PriceImport, type PriceImportAction } from "./types"
import { usePriceImportChanges } from "./use-b2b"

const PAGE = 50

const VIEWS: { value: string; label: (j: PriceImport) => string; actions: PriceImportAction[] }[] = [
  { value: "changes", label: (j) => `All changes (${(j.added + j.changed + j.removed).toLocaleString()})`, actions: ["add", "change", "remove"] },
  { value: "add", label: (j) => `Added (${j.added.toLocaleString()})`, actions: ["add"] },
  { value: "change", label: (j) => `Changed (${j.changed.toLocaleString()})`, actions: ["change"] },
  { value: "remove", label: (j) => `Removed (${j.removed.toLocaleString()})`, actions: ["remove"] },
  { value: "same", label: (j) => `Unchanged (${j.unchanged.toLocaleString()})`, actions: ["same"] },
]

const ACTION_BADGE: Record<PriceImportAction, { color: "green" | "orange" | "red" | "grey"; label: string }> = {
  add: { color: "green", label: "add" },
  change: { color: "orange", label: "change" },
  remove: { color: "red", label: "remove" },
  same: { color: "grey", label: "same" },
}

/** The dry run's counts and its rows, a page at a time per kind of change (keyset: next and back). */
export const ImportDiffPreview = ({ job }: { job: PriceImport }) => {
  const [view, setView] = useState("changes")
  const [afters, setAfters] = useState<string[]>([])
  const actions = VIEWS.find((v) => v.value === view)!.actions
  const after = afters[afters.length - 1]
  const { data, isLoading, isError, error } = usePriceImportChanges(job.id, { action: actions, limit: PAGE, ...(after ? { after } : {}) }, true)
  const rows = data?.changes ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <div className="grid grid-cols-4 gap-3">
        {[
          ["Added", job.added, "text-ui-tag-green-text"],
          ["Changed", job.changed, "text-ui-tag-orange-text"],
          ["Removed", job.removed, "text-ui-tag-red-text"],
          ["Unchanged", job.unchanged, "text-ui-fg-subtle"],
        ].map(([label, n, color]) => (
          <div key={label as string} className="rounded-md border px-3 py-2">
            <Text size="xsmall" className="text-ui-fg-muted">
              {label}
            </Text>
            <Text size="large" weight="plus" className={`tabular-nums ${color}`}>
              {(n as number).toLocaleString()}
            </Text>
          </div>
        ))}
      </div>
      <Tabs
        value={view}
        onValueChange={(v) => {
          setView(v)
          setAfters([])
        }}
      >
        <Tabs.List>
          {VIEWS.map((v) => (
            <Tabs.Trigger key={v.value} value={v.value}>
              {v.label(job)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      {isError ? (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      ) : (
        <div className="max-h-[420px] overflow-y-auto rounded-md border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Line</Table.HeaderCell>
                <Table.HeaderCell>Action</Table.HeaderCell>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>Band</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Now</Table.HeaderCell>
                <Table.HeaderCell className="text-right">After</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell className="tabular-nums">{r.line ?? "—"}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={ACTION_BADGE[r.action].color}>
                      {ACTION_BADGE[r.action].label}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Text size="small">{[r.product_title, r.variant_title].filter(Boolean).join(" · ") || r.variant_id || r.price_set_id}</Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {r.sku ?? r.variant_id}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>{describeBand(r.min_quantity, r.max_quantity)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {r.action === "add" ? "—" : formatMoney(r.action === "change" ? r.old_amount : r.amount, r.currency_code)}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{r.action === "remove" ? "—" : formatMoney(r.amount, r.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text size="small" className="text-ui-fg-muted px-4 py-3">
              {isLoading ? "Loading…" : "Nothing here."}
            </Text>
          )}
        </div>
      )}
      <div className="flex justify-end gap-x-2">
        <Button size="small" variant="secondary" type="button" disabled={!afters.length} onClick={() => setAfters((a) => a.slice(0, -1))}>
          Previous
        </Button>
        <Button size="small" variant="secondary" type="button" disabled={!data?.next_after} onClick={() => setAfters((a) => [...a, data!.next_after!])}>
          Next
        </Button>
      </div>
    </div>
  )
}
