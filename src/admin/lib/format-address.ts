import type { GiftShippingAddress } from "./types"

/** An address as the lines of a label: name, company, street, town, country. Empty parts are skipped. */
export function addressLines(address: GiftShippingAddress | null): string[] {
  if (!address) {
    return []
  }
  const join = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim()).join(" ")
  return [
    join(address.first_name, address.last_name),
    join(address.company),
    join(address.address_1),
    join(address.address_2),
    join(address.postal_code, address.city),
    join(address.province, address.country_code?.toUpperCase()),
  ].filter(Boolean)
}
