import { Button, Tooltip } from "@medusajs/ui"

/** Wraps a condition or group in NOT: it then matches the customers it would leave out. */
export const NegateToggle = ({ negated, onChange, what }: { negated: boolean; onChange: (negated: boolean) => void; what: string }) => (
  <Tooltip content={negated ? `Matches customers for whom this ${what} is false` : `Exclude customers matching this ${what}`}>
    <Button
      size="small"
      type="button"
      variant={negated ? "danger" : "secondary"}
      aria-pressed={negated}
      aria-label={`NOT: negate this ${what}`}
      onClick={() => onChange(!negated)}
      className="h-7 px-2 font-mono text-xs"
    >
      NOT
    </Button>
  </Tooltip>
)
