/**
 * Owners of an upgrade path's predecessor (units kept) who own none of its successor. Reads the
 * customer product facts through their (product_id, customer_id) index. `:path_ids` limits the
 * paths (null: every active one).
 */
export const UPGRADE_OWNERS_SQL = `select up.id as upgrade_path_id, t.customer_id, max(t.last_purchased_at) as owned_since
  from insights_upgrade_path up
  join customer_product_fact t on t.product_id = up.product_id and (up.variant_id is null or t.variant_id = up.variant_id) and t.quantity > 0
  where up.deleted_at is null and up.is_active
    and (:path_ids::text[] is null or up.id = any(:path_ids::text[]))
    and (:customer_ids::text[] is null or t.customer_id = any(:customer_ids::text[]))
    and not exists (
      select 1 from customer_product_fact s
      where s.customer_id = t.customer_id and s.product_id = up.successor_product_id
        and (up.successor_variant_id is null or s.variant_id = up.successor_variant_id) and s.quantity > 0
    )
  group by up.id, t.customer_id`
