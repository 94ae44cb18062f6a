import type { FetchError } from "@medusajs/js-sdk"
import { Drawer, toast } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useEffect, useState, type FormEvent, type ReactNode } from "react"
import { placeServerError } from "../../lib/server-error"
import { FormDrawerFooter, FormError } from "./form-drawer-parts"

export type FieldErrors<TField extends string> = Partial<Record<TField | "form", string>>

/** What the form's fields get: the draft as typed, a setter per key, and the error of each field. */
export type DraftForm<TDraft, TField extends string> = {
  draft: TDraft
  set: <K extends keyof TDraft>(key: K, value: TDraft[K]) => void
  errors: FieldErrors<TField>
}

/** How a section opens a resource's drawer: the row to edit (null: a new one). */
export type EntityDrawerProps<TEntity> = {
  entity: TEntity | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * The create/edit drawer of one admin resource: keeps the draft (reset each time it opens),
 * checks it with `toPayload` (what the browser can check), saves with `mutation`, toasts and
 * closes; a 400 goes under the field its message names (`fields`, mapped by `placeField`), any
 * other error under the form. The fields themselves come from `children`.
 */
export function EntityDrawer<TEntity extends { id: string }, TDraft, TPayload, TField extends string, TSaved>({
  entity,
  open,
  onOpenChange,
  noun,
  description,
  toDraft,
  toPayload,
  fields,
  placeField = (field) => field,
  mutation,
  savedName,
  children,
}: EntityDrawerProps<TEntity> & {
  /** "earn rule", "tier": in the title and the toast. */
  noun: string
  description: string
  toDraft: (entity: TEntity | null) => TDraft
  toPayload: (draft: TDraft) => { payload?: TPayload; errors: FieldErrors<TField> }
  fields: readonly TField[]
  placeField?: (field: TField | "form") => TField | "form"
  mutation: UseMutationResult<TSaved, FetchError, { id?: string; body: TPayload }>
  savedName: (saved: TSaved) => string
  children: (form: DraftForm<TDraft, TField>) => ReactNode
}) {
  const [draft, setDraft] = useState<TDraft>(() => toDraft(entity))
  const [errors, setErrors] = useState<FieldErrors<TField>>({})

  useEffect(() => {
    if (open) {
      setDraft(toDraft(entity))
      setErrors({})
    }
  }, [open, entity, toDraft])

  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) => setDraft((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const { payload, errors: nextErrors } = toPayload(draft)
    setErrors(nextErrors)
    if (!payload) {
      return
    }
    mutation.mutate(
      { id: entity?.id, body: payload },
      {
        onSuccess: (saved) => {
          const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${entity ? "saved" : "created"}`
          toast.success(title, { description: savedName(saved) })
          onOpenChange(false)
        },
        onError: (error) => {
          const { field, message } = placeServerError(error, fields)
          setErrors({ [placeField(field)]: message } as FieldErrors<TField>)
        },
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{`${entity ? "Edit" : "Create"} ${noun}`}</Drawer.Title>
            <Drawer.Description className="sr-only">{description}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {children({ draft, set, errors })}
            <FormError message={errors.form} />
          </Drawer.Body>
          <FormDrawerFooter isSaving={mutation.isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
