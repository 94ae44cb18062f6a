import { Plus, Trash } from "@medusajs/icons"
import { Button, Drawer, IconButton, Input, Text, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { errorMessage } from "../../lib/error-message"
import { FormField } from "../common/form-field"
import { FormDrawerFooter, FormError } from "../common/form-drawer-parts"
import { emptyBand, toTiers, type Band } from "./drafts"
import type { Contract } from "./types"
import { useContractPrices, useSetVariantTiers } from "./use-b2b"
import { SingleVariantPicker } from "./variant-picker"

/** One variant's volume tiers in the contract (its currency): quantity bands and their amounts; no bands removes the variant. */
export const VariantTiersDrawer = ({ contract, open, onOpenChange, variantId: initialVariant }: { contract: Contract; open: boolean; onOpenChange: (open: boolean) => void; variantId: string | null }) => {
  const [variantId, setVariantId] = useState<string | null>(initialVariant)
  const [bands, setBands] = useState<Band[]>([emptyBand()])
  const [error, setError] = useState<string | null>(null)
  const current = useContractPrices(contract.id, { limit: 50, offset: 0, ...(variantId ? { variant_id: variantId } : {}) })
  const save = useSetVariantTiers(contract.id)

  useEffect(() => {
    if (open) {
      setVariantId(initialVariant)
      setError(null)
    }
  }, [open, initialVariant])
  useEffect(() => {
    if (!variantId || !current.data || current.isPlaceholderData) return
    const existing = current.data.prices.map((p) => ({ min: p.min_quantity === null ? "" : String(p.min_quantity), max: p.max_quantity === null ? "" : String(p.max_quantity), amount: String(p.amount) }))
    setBands(existing.length ? existing : [emptyBand()])
  }, [variantId, current.data, current.isPlaceholderData])

  const setBand = (i: number, patch: Partial<Band>) => setBands((all) => all.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!variantId) return setError("Choose the variant.")
    const { tiers, error: problem } = toTiers(bands)
    if (!tiers) return setError(problem)
    setError(null)
    save.mutate(
      { variant_id: variantId, tiers },
      {
        onSuccess: () => {
          toast.success(tiers.length ? "Tiers saved" : "Variant removed from the contract")
          onOpenChange(false)
        },
        onError: (e) => setError(errorMessage(e)),
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Volume tiers</Drawer.Title>
            <Drawer.Description className="sr-only">A variant's contract prices by quantity band.</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <FormField id="tiers-variant" label="Variant">
              <SingleVariantPicker id="tiers-variant" value={variantId} onChange={setVariantId} />
            </FormField>
            <Text size="small" className="text-ui-fg-subtle">
              Prices in {contract.currency_code.toUpperCase()}. A cart line of a quantity within a band pays its amount; empty bounds are open. Leave no bands to remove the variant from the contract.
            </Text>
            {bands.map((band, i) => (
              <div key={i} className="grid grid-cols-[1fr_1fr_1fr_auto] items-end gap-2">
                <FormField id={`tier-${i}-min`} label="From qty">
                  <Input id={`tier-${i}-min`} type="number" min="1" placeholder="1" value={band.min} onChange={(e) => setBand(i, { min: e.target.value })} />
                </FormField>
                <FormField id={`tier-${i}-max`} label="To qty">
                  <Input id={`tier-${i}-max`} type="number" min="1" placeholder="open" value={band.max} onChange={(e) => setBand(i, { max: e.target.value })} />
                </FormField>
                <FormField id={`tier-${i}-amount`} label="Amount">
                  <Input id={`tier-${i}-amount`} inputMode="decimal" value={band.amount} onChange={(e) => setBand(i, { amount: e.target.value })} />
                </FormField>
                <IconButton type="button" variant="transparent" aria-label={`Remove band ${i + 1}`} onClick={() => setBands((all) => all.filter((_, j) => j !== i))}>
                  <Trash />
                </IconButton>
              </div>
            ))}
            <div>
              <Button type="button" size="small" variant="secondary" onClick={() => setBands((all) => [...all, emptyBand()])}>
                <Plus />
                Add band
              </Button>
            </div>
            <FormError message={error ?? undefined} />
          </Drawer.Body>
          <FormDrawerFooter isSaving={save.isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
