import type { FetchError } from "@medusajs/js-sdk"
import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useState, type ComponentType, type ReactNode } from "react"
import { errorMessage } from "../../lib/error-message"
import type { EntityDrawerProps } from "./entity-drawer"
import { Pager } from "./pager"
import { QueryState } from "./query-state"
import { RowActions } from "./row-actions"

export type Column<TRow> = { header: string; className?: string; cell: (row: TRow) => ReactNode }

/**
 * The list of one admin resource in a Container: title, Create, loading / error / empty states, a
 * table whose rows open `Drawer`, a row menu (edit, delete after a confirmation) and pagination.
 * `useList` (the resource's query hook) reads a page, `rowsOf` picks its rows, and `useColumns`
 * (a hook too: columns may look up names for what the rows refer to) lays them out.
 */
export function EntityTableSection<TRow extends { id: string; name: string }, TList extends { count: number }>({
  title,
  description,
  noun,
  emptyText,
  pageSize,
  useList,
  rowsOf,
  useColumns,
  Drawer,
  deleteMutation,
  deleteDescription,
}: {
  title: string
  description: string
  /** "earn rule", "tier": in the loading text, the prompt and the toasts. */
  noun: string
  emptyText: string
  pageSize: number
  useList: (params: { limit: number; offset: number }) => {
    data?: TList
    isLoading: boolean
    isError: boolean
    error: FetchError | null
  }
  rowsOf: (data: TList) => TRow[]
  useColumns: (rows: TRow[]) => Column<TRow>[]
  Drawer: ComponentType<EntityDrawerProps<TRow>>
  deleteMutation: UseMutationResult<unknown, FetchError, string>
  /** What deleting does to what the row already produced (points earned, rewards issued). */
  deleteDescription: string
}) {
  const [pageIndex, setPageIndex] = useState(0)
  const [editing, setEditing] = useState<TRow | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const { data, isLoading, isError, error } = useList({ limit: pageSize, offset: pageIndex * pageSize })
  const rows = data ? rowsOf(data) : []
  const shown = useColumns(rows)
  const prompt = usePrompt()

  const openDrawer = (row: TRow | null) => {
    setEditing(row)
    setDrawerOpen(true)
  }

  const onDelete = async (row: TRow) => {
    const confirmed = await prompt({
      title: `Delete "${row.name}"?`,
      description: deleteDescription,
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    deleteMutation.mutate(row.id, {
      onSuccess: () => toast.success(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} deleted`, { description: row.name }),
      onError: (err) => toast.error(`Could not delete the ${noun}`, { description: errorMessage(err) }),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => openDrawer(null)}>
          <Plus />
          Create
        </Button>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText={`Loading ${noun}s…`}
        isEmpty={!data?.count}
        emptyText={emptyText}
      >
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                {shown.map((column) => (
                  <Table.HeaderCell key={column.header} className={column.className}>
                    {column.header}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id} className="cursor-pointer" onClick={() => openDrawer(row)}>
                  {shown.map((column) => (
                    <Table.Cell key={column.header} className={column.className}>
                      {column.cell(row)}
                    </Table.Cell>
                  ))}
                  <Table.Cell onClick={(event) => event.stopPropagation()}>
                    <RowActions onEdit={() => openDrawer(row)} onDelete={() => onDelete(row)} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={pageSize} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
      <Drawer entity={editing} open={drawerOpen} onOpenChange={setDrawerOpen} />
    </Container>
  )
}
