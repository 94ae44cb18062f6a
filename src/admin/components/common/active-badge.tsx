import { StatusBadge } from "@medusajs/ui"

/** "Active" in green or "Inactive" in grey. */
export const ActiveBadge = ({ active }: { active: boolean }) => (
  <StatusBadge color={active ? "green" : "grey"}>{active ? "Active" : "Inactive"}</StatusBadge>
)
