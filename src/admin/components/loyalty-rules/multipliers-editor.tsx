import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { EARN_RULE_MULTIPLIER_TARGETS, type EarnRuleMultiplierTarget } from "../../lib/types"

/** A multiplier row as typed: the multiplier stays text until the form is saved. */
export type MultiplierDraft = { target: EarnRuleMultiplierTarget; id: string; multiplier: string }

const TARGET_LABELS: Record<EarnRuleMultiplierTarget, string> = {
  product: "Product",
  collection: "Collection",
  category: "Category",
}

const ID_PLACEHOLDERS: Record<EarnRuleMultiplierTarget, string> = {
  product: "prod_…",
  collection: "pcol_…",
  category: "pcat_…",
}

/** Extra points for some products, collections or categories: "×2 on vitamins". */
export const MultipliersEditor = ({
  items,
  onChange,
}: {
  items: MultiplierDraft[]
  onChange: (items: MultiplierDraft[]) => void
}) => {
  const update = (index: number, patch: Partial<MultiplierDraft>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)))

  return (
    <div className="flex flex-col gap-y-2">
      {items.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          No multipliers: every item earns the base rate.
        </Text>
      )}
      {items.map((item, index) => (
        <div key={index} className="grid grid-cols-[120px_1fr_80px_28px] items-center gap-x-2">
          <Select
            size="small"
            value={item.target}
            onValueChange={(target) => update(index, { target: target as EarnRuleMultiplierTarget })}
          >
            <Select.Trigger aria-label="Applies to">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {EARN_RULE_MULTIPLIER_TARGETS.map((target) => (
                <Select.Item key={target} value={target}>
                  {TARGET_LABELS[target]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Input
            size="small"
            aria-label="Id"
            placeholder={ID_PLACEHOLDERS[item.target]}
            value={item.id}
            onChange={(event) => update(index, { id: event.target.value })}
          />
          <Input
            size="small"
            aria-label="Multiplier"
            type="number"
            min={0}
            step="any"
            placeholder="×"
            value={item.multiplier}
            onChange={(event) => update(index, { multiplier: event.target.value })}
          />
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label="Remove multiplier"
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            <Trash />
          </IconButton>
        </div>
      ))}
      <div>
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={() => onChange([...items, { target: "product", id: "", multiplier: "2" }])}
        >
          <Plus />
          Add multiplier
        </Button>
      </div>
    </div>
  )
}
