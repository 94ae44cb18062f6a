import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { QueryState } from "../../../components/common/query-state"

/** A report's frame: title and explanation, its controls, then the figures once loaded. */
export const ReportSection = ({
  title,
  description,
  controls,
  query,
  isEmpty,
  emptyText,
  children,
}: {
  title: string
  description: string
  controls?: ReactNode
  query: { isLoading: boolean; isError: boolean; error: unknown }
  isEmpty: boolean
  emptyText: string
  children: ReactNode
}) => (
  <Container className="divide-y p-0">
    <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
      <div className="max-w-[560px]">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">{controls}</div>
    </div>
    <QueryState isError={query.isError} error={query.error} isLoading={query.isLoading} loadingText="Loading the report…" isEmpty={isEmpty} emptyText={emptyText}>
      {children}
    </QueryState>
  </Container>
)
