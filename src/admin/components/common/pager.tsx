import { Table } from "@medusajs/ui"

/** The previous / next controls under a table of `pageSize` rows a page. */
export const Pager = ({
  count,
  pageSize,
  pageIndex,
  onPageChange,
}: {
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}) => {
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onPageChange(Math.max(0, pageIndex - 1))}
      nextPage={() => onPageChange(pageIndex + 1)}
    />
  )
}
