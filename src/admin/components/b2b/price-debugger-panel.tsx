import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, RadioGroup, Select, Table, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { errorMessage } from "../../lib/error-message"
import { formatDateTime } from "../../lib/format"
import { formatMoney } from "../../lib/segment-format"
import { CustomerPicker } from "../email-campaigns/customer-picker"
import { FormField } from "../common/form-field"
import { LookupPicker } from "../segments/lookup-picker"
import { describeBand, type ExplainedPrice, type PriceDebuggerQuery, type PriceResolution } from "./types"
import { usePriceResolution } from "./use-b2b"
import { SingleVariantPicker } from "./variant-picker"

type Who = "company" | "customer"
type Where = "region" | "currency"

const CHECK_LABEL: Record<ExplainedPrice["checks"][number]["check"], string> = {
  currency: "Currency",
  quantity_band: "Quantity band",
  status: "List status",
  validity: "Validity",
  list_rules: "List rules",
  price_rules: "Price rules",
}

const sourceOf = (p: ExplainedPrice) => {
  if (!p.price_list) return <Text size="small">Base price</Text>
  const contract = p.price_list.contract
  return (
    <div className="flex flex-col">
      <Text size="small" weight="plus">
        {p.price_list.title} <span className="text-ui-fg-muted font-normal">({p.price_list.type})</span>
      </Text>
      {contract ? (
        <Link to={`/b2b/contracts/${contract.contract_id}`} className="txt-compact-xsmall text-ui-fg-interactive hover:underline">
          Contract “{contract.contract_title}” of {contract.company_name}
        </Link>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          {p.price_list.rules.map((r) => `${r.attribute} ∈ [${r.value.join(", ")}]`).join("; ") || "no rules"}
        </Text>
      )}
    </div>
  )
}

const Checks = ({ price }: { price: ExplainedPrice }) => (
  <ul className="flex flex-col gap-y-0.5">
    {price.checks.map((c) => (
      <li key={c.check} className="flex items-start gap-x-1">
        {c.ok ? <CheckCircleSolid className="text-ui-tag-green-icon mt-0.5 shrink-0" /> : <XCircleSolid className="text-ui-tag-red-icon mt-0.5 shrink-0" />}
        <Text size="xsmall" className={c.ok ? "text-ui-fg-subtle" : "text-ui-fg-base"}>
          <span className="font-medium">{CHECK_LABEL[c.check]}:</span> {c.detail}
        </Text>
      </li>
    ))}
  </ul>
)

/** What Medusa charges and why: the chosen price, Medusa's own answer beside it, and every candidate with its checks. */
const ResolutionView = ({ resolution }: { resolution: PriceResolution }) => {
  const { context, chosen, medusa, candidates } = resolution
  const ordered = [...candidates].sort((a, b) => Number(b.chosen) - Number(a.chosen) || Number(b.applies) - Number(a.applies))
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-muted">
            Charged
          </Text>
          <Heading level="h2">{chosen ? formatMoney(chosen.amount, chosen.currency_code) : "No price"}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {chosen ? (chosen.price_list ? `${chosen.price_list.title} · ${describeBand(chosen.min_quantity, chosen.max_quantity)}` : `Base price · ${describeBand(chosen.min_quantity, chosen.max_quantity)}`) : "The variant has no price for this context."}
          </Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-muted">
            Medusa&apos;s Pricing module (asked {medusa ? formatDateTime(medusa.asked_at) : "—"})
          </Text>
          <div className="flex items-center gap-x-2">
            <Text weight="plus">{medusa?.amount !== null && medusa?.amount !== undefined ? formatMoney(medusa.amount, context.currency_code) : "No price"}</Text>
            {medusa && <Badge color={medusa.agrees ? "green" : "orange"} size="2xsmall">{medusa.agrees ? "agrees" : "differs"}</Badge>}
          </div>
          <Text size="xsmall" className="text-ui-fg-muted">
            Medusa judges validity by its own clock (now); the replay above uses the date asked.
          </Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-muted">
            Context
          </Text>
          <Text size="small">
            {context.company ? `${context.company.name} · ` : ""}
            {context.currency_code.toUpperCase()}
            {context.region_id ? ` · region ${context.region_id}` : ""} · {context.quantity === null ? "no quantity (product page)" : `quantity ${context.quantity}`} · {formatDateTime(context.at)}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Groups: {context.customer_groups.map((g) => g.name).join(", ") || "none (a customer in no group)"}
          </Text>
        </div>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Rule: price-list prices come first, then more rules, then the lowest amount; so a customer in several groups (a company and a tier or segment) gets the lowest of their lists&apos; prices. An override list is charged even above the base price; a sale list only when it is lower.
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Price</Table.HeaderCell>
            <Table.HeaderCell>Band</Table.HeaderCell>
            <Table.HeaderCell>From</Table.HeaderCell>
            <Table.HeaderCell>Outcome</Table.HeaderCell>
            <Table.HeaderCell>Checks</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {ordered.map((p) => (
            <Table.Row key={p.id} className={p.chosen ? "bg-ui-bg-highlight" : undefined}>
              <Table.Cell className="tabular-nums align-top">{formatMoney(p.amount, p.currency_code)}</Table.Cell>
              <Table.Cell className="align-top">{describeBand(p.min_quantity, p.max_quantity)}</Table.Cell>
              <Table.Cell className="align-top">{sourceOf(p)}</Table.Cell>
              <Table.Cell className="max-w-[280px] align-top whitespace-normal">
                <Badge size="2xsmall" color={p.chosen ? "green" : p.applies ? "blue" : "grey"}>
                  {p.chosen ? "charged" : p.applies ? "applies, lost" : "does not apply"}
                </Badge>
                <Text size="xsmall" className="text-ui-fg-subtle mt-1">
                  {p.reason}
                </Text>
              </Table.Cell>
              <Table.Cell className="max-w-[360px] align-top whitespace-normal">
                <Checks price={p} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

/**
 * The price-resolution debugger on a company's page: for the company (its group) or one customer
 * (all their groups), a variant, a quantity (none: as a product page asks), a region or currency
 * and a date, the price Medusa charges and why, with every candidate price and its checks.
 */
export const PriceDebuggerPanel = ({ companyId }: { companyId: string }) => {
  const currencies = useStoreCurrencies()
  const [who, setWho] = useState<Who>("company")
  const [where, setWhere] = useState<Where>("currency")
  const [customerId, setCustomerId] = useState<string | null>(null)
  const [variantId, setVariantId] = useState<string | null>(null)
  const [quantity, setQuantity] = useState("")
  const [regionIds, setRegionIds] = useState<string[]>([])
  const [currency, setCurrency] = useState("")
  const [at, setAt] = useState("")
  const [formError, setFormError] = useState<string | null>(null)
  const [query, setQuery] = useState<PriceDebuggerQuery | null>(null)
  const result = usePriceResolution(query)
  const currencyCode = currency || currencies.data?.[0]?.code || ""

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const q = Number(quantity)
    if (!variantId) return setFormError("Choose the variant to price.")
    if (who === "customer" && !customerId) return setFormError("Choose the customer.")
    if (where === "region" && !regionIds[0]) return setFormError("Choose the region.")
    if (quantity && (!Number.isInteger(q) || q < 1)) return setFormError("quantity must be a whole number from 1 (or empty: a product page).")
    setFormError(null)
    const next: PriceDebuggerQuery = {
      variant_id: variantId,
      ...(who === "company" ? { company_id: companyId } : { customer_id: customerId! }),
      ...(where === "region" ? { region_id: regionIds[0] } : { currency_code: currencyCode }),
      ...(quantity ? { quantity: q } : {}),
      ...(at ? { at: new Date(at).toISOString() } : {}),
    }
    // The same question asked again is asked of the server again (prices may have changed since).
    if (JSON.stringify(next) === JSON.stringify(query)) void result.refetch()
    else setQuery(next)
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Price debugger</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Which price Medusa charges, and why every other price of the variant was not chosen.
        </Text>
      </div>
      <form onSubmit={submit} className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            For
          </Label>
          <RadioGroup value={who} onValueChange={(v) => setWho(v as Who)} className="flex gap-x-4">
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="company" id="dbg-who-company" />
              <Label htmlFor="dbg-who-company" size="small">
                This company&apos;s group
              </Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="customer" id="dbg-who-customer" />
              <Label htmlFor="dbg-who-customer" size="small">
                A customer (all their groups)
              </Label>
            </div>
          </RadioGroup>
          {who === "customer" && <CustomerPicker id="dbg-customer" value={customerId} onChange={setCustomerId} />}
        </div>
        <FormField id="dbg-variant" label="Variant">
          <SingleVariantPicker id="dbg-variant" value={variantId} onChange={setVariantId} />
        </FormField>
        <FormField id="dbg-quantity" label="Quantity" hint="Empty: as a product page asks (only bands starting at 1 apply)." optional>
          <Input id="dbg-quantity" type="number" min="1" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </FormField>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            Where
          </Label>
          <RadioGroup value={where} onValueChange={(v) => setWhere(v as Where)} className="flex gap-x-4">
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="currency" id="dbg-where-currency" />
              <Label htmlFor="dbg-where-currency" size="small">
                Currency
              </Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="region" id="dbg-where-region" />
              <Label htmlFor="dbg-where-region" size="small">
                Region
              </Label>
            </div>
          </RadioGroup>
          {where === "currency" ? (
            <Select value={currencyCode} onValueChange={setCurrency}>
              <Select.Trigger aria-label="Currency">
                <Select.Value placeholder="Currency" />
              </Select.Trigger>
              <Select.Content>
                {(currencies.data ?? []).map((c) => (
                  <Select.Item key={c.code} value={c.code}>
                    {c.code.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          ) : (
            <LookupPicker id="dbg-region" kind="region_ids" label="Region" value={regionIds} onChange={setRegionIds} single />
          )}
        </div>
        <FormField id="dbg-at" label="At" hint="Empty: now. A date shows which contract would apply then." optional>
          <Input id="dbg-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </FormField>
        <div className="flex items-end justify-end gap-x-3">
          {formError && (
            <Text size="small" className="text-ui-fg-error">
              {formError}
            </Text>
          )}
          <Button size="small" type="submit" isLoading={result.isFetching}>
            Explain the price
          </Button>
        </div>
      </form>
      {result.isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(result.error)}
        </Text>
      )}
      {result.data && <ResolutionView resolution={result.data.resolution} />}
    </Container>
  )
}
