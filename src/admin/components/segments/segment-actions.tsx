import { ArrowDownTray, ArrowPath, EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { DropdownMenu, IconButton, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useDeleteSegment, useRefreshSegment } from "../../hooks/use-segments"
import { errorMessage } from "../../lib/error-message"
import { downloadDocument } from "../../lib/fetch-document"
import type { Segment } from "../../lib/segment-types"

/**
 * The "…" menu of a segment: edit, refresh now, export the members as CSV, delete (after a
 * confirmation; a segment another one refers to is refused with the server's reason).
 */
export const SegmentActions = ({ segment, showEdit = true, onDeleted }: { segment: Segment; showEdit?: boolean; onDeleted?: () => void }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const refresh = useRefreshSegment()
  const remove = useDeleteSegment()
  const [exporting, setExporting] = useState(false)

  const onRefresh = () =>
    refresh.mutate(segment.id, {
      onSuccess: (result) =>
        toast.success("Members recomputed", {
          description: `${segment.name}: ${result.member_count} members (${result.entered} entered, ${result.exited} left)`,
        }),
      onError: (error) => toast.error("Could not refresh the segment", { description: errorMessage(error) }),
    })

  const onExport = async () => {
    setExporting(true)
    try {
      await downloadDocument(`/admin/segments/${segment.id}/members/export.csv`, {}, `segment-${segment.id}.csv`)
    } catch (error) {
      toast.error("Export failed", { description: errorMessage(error) })
    } finally {
      setExporting(false)
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete "${segment.name}"?`,
      description: segment.customer_group_id
        ? "Its members are forgotten. The customer group it synced to stays, with the customers in it now."
        : "Its members are forgotten. Customers are not changed.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    remove.mutate(segment.id, {
      onSuccess: () => {
        toast.success("Segment deleted", { description: segment.name })
        onDeleted?.()
      },
      onError: (error) => toast.error("Could not delete the segment", { description: errorMessage(error) }),
    })
  }

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={`Actions for ${segment.name}`}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {showEdit && (
          <DropdownMenu.Item className="gap-x-2" onClick={() => navigate(`/segments/${segment.id}`)}>
            <PencilSquare className="text-ui-fg-subtle" />
            Edit
          </DropdownMenu.Item>
        )}
        <DropdownMenu.Item className="gap-x-2" disabled={refresh.isPending} onClick={onRefresh}>
          <ArrowPath className="text-ui-fg-subtle" />
          Refresh now
        </DropdownMenu.Item>
        <DropdownMenu.Item className="gap-x-2" disabled={exporting} onClick={onExport}>
          <ArrowDownTray className="text-ui-fg-subtle" />
          Export members (CSV)
        </DropdownMenu.Item>
        <DropdownMenu.Separator />
        <DropdownMenu.Item className="gap-x-2" onClick={onDelete}>
          <Trash className="text-ui-fg-subtle" />
          Delete
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
