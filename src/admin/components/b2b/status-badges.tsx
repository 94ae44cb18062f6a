import { StatusBadge } from "@medusajs/ui"
import type { CompanyStatus, ContractStatus, PriceImportStatus } from "./types"

type Color = "green" | "red" | "orange" | "blue" | "grey" | "purple"

const COMPANY: Record<CompanyStatus, Color> = { active: "green", inactive: "grey" }
const CONTRACT: Record<ContractStatus, Color> = { draft: "grey", active: "green", cancelled: "red" }
const IMPORT: Record<PriceImportStatus, Color> = {
  pending: "grey",
  validating: "blue",
  invalid: "red",
  ready: "purple",
  applying: "blue",
  applied: "green",
  failed: "red",
}

const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export const CompanyStatusBadge = ({ status }: { status: CompanyStatus }) => <StatusBadge color={COMPANY[status]}>{label(status)}</StatusBadge>

/** A contract's status; an active one outside its validity (not started, ended) says so, as its price list then does not apply. */
export const ContractStatusBadge = ({ status, validFrom, validTo }: { status: ContractStatus; validFrom?: string; validTo?: string | null }) => {
  const now = Date.now()
  if (status === "active" && validTo && new Date(validTo).getTime() < now) {
    return <StatusBadge color="orange">Ended</StatusBadge>
  }
  if (status === "active" && validFrom && new Date(validFrom).getTime() > now) {
    return <StatusBadge color="blue">Starts later</StatusBadge>
  }
  return <StatusBadge color={CONTRACT[status]}>{label(status)}</StatusBadge>
}

export const ImportStatusBadge = ({ status }: { status: PriceImportStatus }) => <StatusBadge color={IMPORT[status]}>{label(status)}</StatusBadge>
