import { Text } from "@medusajs/ui"

/** A thin progress bar with a caption: `done` of `total`. */
export const ProgressBar = ({ done, total, caption, failed = false }: { done: number; total: number; caption: string; failed?: boolean }) => {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div className="flex flex-col gap-y-1">
      <div className="bg-ui-bg-component h-1.5 w-full overflow-hidden rounded-full" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={`h-full rounded-full transition-all ${failed ? "bg-ui-tag-red-icon" : "bg-ui-fg-interactive"}`} style={{ width: `${percent}%` }} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {percent}% — {caption}
      </Text>
    </div>
  )
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
