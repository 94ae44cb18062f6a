import { Plus } from "@medusajs/icons"
import { Button, DropdownMenu } from "@medusajs/ui"
import type { FieldDescription } from "../../lib/segment-types"
import { fieldsByGroup } from "./field-select"

/** "Add condition": the field is picked first, from the catalogue's groups, so the new row starts meaningful. */
export const AddConditionMenu = ({ fields, onAdd }: { fields: FieldDescription[]; onAdd: (field: FieldDescription) => void }) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <Button size="small" variant="secondary" type="button">
        <Plus />
        Add condition
      </Button>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content align="start" className="max-h-[360px] overflow-y-auto">
      {fieldsByGroup(fields).map(([group, groupFields], index) => (
        <DropdownMenu.Group key={group}>
          {index > 0 && <DropdownMenu.Separator />}
          <DropdownMenu.Label>{group}</DropdownMenu.Label>
          {groupFields.map((field) => (
            <DropdownMenu.Item key={field.field} onClick={() => onAdd(field)}>
              {field.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Group>
      ))}
    </DropdownMenu.Content>
  </DropdownMenu>
)
