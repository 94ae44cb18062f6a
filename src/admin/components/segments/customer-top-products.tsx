import { Table, Text } from "@medusajs/ui"
import { useVariantNames } from "../../hooks/use-segment-lookups"
import { formatDate } from "../../lib/format"
import { formatCount } from "../../lib/segment-format"
import type { CustomerProductFact } from "../../lib/segment-types"

const TOP = 5

/** What the customer bought most (units kept, after returns), with how often and when last. */
export const CustomerTopProducts = ({ products }: { products: CustomerProductFact[] }) => {
  const top = [...products].sort((a, b) => b.quantity - a.quantity || b.times_bought - a.times_bought).slice(0, TOP)
  const names = useVariantNames(top.flatMap((product) => (product.variant_id ? [product.variant_id] : [])))
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Top products</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
          <Table.HeaderCell>Last bought</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {top.map((product) => {
          const name = product.variant_id ? names.data?.get(product.variant_id) : undefined
          return (
            <Table.Row key={product.product_key}>
              <Table.Cell>
                <div className="flex flex-col py-1">
                  <Text size="small" weight="plus">
                    {name?.label ?? (product.variant_id ? product.variant_id : `${product.sku} (not in the catalogue)`)}
                  </Text>
                  {product.sku && (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      {product.sku}
                    </Text>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(product.quantity)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatCount(product.times_bought)}</Table.Cell>
              <Table.Cell>{formatDate(product.last_purchased_at)}</Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
