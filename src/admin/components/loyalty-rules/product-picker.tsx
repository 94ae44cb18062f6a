import { MagnifyingGlass } from "@medusajs/icons"
import { Badge, Button, Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useCatalogNames, useProductSearch } from "../../hooks/use-catalog"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { errorMessage } from "../../lib/error-message"

/** What a picker holds: a whole product or one of its variants (never both). */
export type CatalogSelection = { product_id: string | null; variant_id: string | null }

/**
 * Finds a product by id (`prod_…`), handle, title or SKU and picks the whole product or one
 * variant. With `variantsOnly` (a gift is one variant) products cannot be picked themselves.
 * With `emptyLabel` the picker is optional: empty, it says what that means instead of searching.
 */
export const ProductPicker = ({
  id,
  value,
  onChange,
  variantsOnly = false,
  emptyLabel,
}: {
  id: string
  value: CatalogSelection
  onChange: (value: CatalogSelection) => void
  variantsOnly?: boolean
  emptyLabel?: string
}) => {
  const hasValue = !!(value.product_id || value.variant_id)
  const clearable = emptyLabel !== undefined
  const [searching, setSearching] = useState(!hasValue && !clearable)
  const [term, setTerm] = useState("")
  const debounced = useDebouncedValue(term)
  const search = useProductSearch(debounced, { enabled: searching })
  const names = useCatalogNames({
    productIds: value.product_id ? [value.product_id] : [],
    variantIds: value.variant_id ? [value.variant_id] : [],
  })

  const pick = (selection: CatalogSelection) => {
    onChange(selection)
    setSearching(false)
    setTerm("")
  }

  if (!hasValue && !searching) {
    return (
      <div className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between gap-x-2 rounded-md px-3 py-2">
        <Text size="small" className="text-ui-fg-subtle">
          {emptyLabel}
        </Text>
        <Button size="small" variant="secondary" type="button" onClick={() => setSearching(true)}>
          Choose
        </Button>
      </div>
    )
  }

  if (hasValue && !searching) {
    const name = value.variant_id ? names.variantName(value.variant_id) : names.productName(value.product_id)
    return (
      <div className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between gap-x-2 rounded-md px-3 py-2">
        <div className="flex min-w-0 flex-col">
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall">{value.variant_id ? "Variant" : "Product"}</Badge>
            <Text size="small" weight="plus" className="truncate">
              {name ?? "Unknown or deleted"}
            </Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-muted truncate">
            {value.variant_id ?? value.product_id}
          </Text>
        </div>
        <div className="flex shrink-0 gap-x-1">
          {clearable && (
            <Button size="small" variant="transparent" type="button" onClick={() => pick({ product_id: null, variant_id: null })}>
              Clear
            </Button>
          )}
          <Button size="small" variant="secondary" type="button" onClick={() => setSearching(true)}>
            Change
          </Button>
        </div>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <div className="flex-1">
          <Input
            id={id}
            type="search"
            autoFocus
            placeholder="Search by title, handle, SKU or prod_… id"
            value={term}
            onChange={(event) => setTerm(event.target.value)}
          />
        </div>
        {(hasValue || clearable) && (
          <Button size="small" variant="transparent" type="button" onClick={() => setSearching(false)}>
            Cancel
          </Button>
        )}
      </div>
      <div className="shadow-borders-base max-h-[260px] overflow-y-auto rounded-md">
        {search.isError ? (
          <Text size="small" className="text-ui-fg-error p-3">
            {errorMessage(search.error)}
          </Text>
        ) : search.isLoading ? (
          <Text size="small" className="text-ui-fg-muted p-3">
            Searching…
          </Text>
        ) : !search.data?.length ? (
          <Text size="small" className="text-ui-fg-muted flex items-center gap-x-2 p-3">
            <MagnifyingGlass /> No products match.
          </Text>
        ) : (
          search.data.map((product) => (
            <div key={product.id} className="border-ui-border-base border-b last:border-b-0">
              <button
                type="button"
                disabled={variantsOnly}
                onClick={() => pick({ product_id: product.id, variant_id: null })}
                className={clx(
                  "flex w-full items-center justify-between px-3 py-2 text-left",
                  !variantsOnly && "hover:bg-ui-bg-base-hover"
                )}
              >
                <Text size="small" weight="plus">
                  {product.title}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {variantsOnly ? product.handle : "Whole product"}
                </Text>
              </button>
              {(product.variants ?? []).map((variant) => (
                <button
                  key={variant.id}
                  type="button"
                  onClick={() => pick({ product_id: null, variant_id: variant.id })}
                  className="hover:bg-ui-bg-base-hover flex w-full items-center justify-between py-1.5 pl-6 pr-3 text-left"
                >
                  <Text size="small">{variant.title ?? variant.id}</Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {variant.sku ?? "no SKU"}
                  </Text>
                </button>
              ))}
            </div>
          ))
        )}
      </div>
    </div>
  )
}
