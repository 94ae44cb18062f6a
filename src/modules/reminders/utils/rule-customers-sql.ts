/**
 * The customers a rule's change concerns, one keyset page at a time: buyers of its products or
 * variants (the customer-facts module's `customer_product_fact`, by its (product_id, customer_id)
 * and (variant_id, customer_id) indexes) and customers holding a scheduled or claimed reminder of
 * the rule. Each arm is an index range scan that stops after `limit` distinct customers, so a page
 * costs the same at the first customer as at the millionth; the first `limit` of their union are
 * exactly the next page.
 *
 * Bindings: product ids (text[]), after, limit, variant ids (text[]), after, limit, rule id, after,
 * limit, limit.
 */
export const RULE_CUSTOMERS_PAGE_SQL = `
  select customer_id from (
    select x.customer_id from unnest(?::text[]) as t(product_id)
    cross join lateral (
      select distinct customer_id from customer_product_fact
      where product_id = t.product_id and customer_id > ? and deleted_at is null
      order by customer_id limit ?
    ) x
    union
    select x.customer_id from unnest(?::text[]) as t(variant_id)
    cross join lateral (
      select distinct customer_id from customer_product_fact
      where variant_id = t.variant_id and customer_id > ? and deleted_at is null
      order by customer_id limit ?
    ) x
    union
    select customer_id from (
      select customer_id from reminder
      where rule_id = ? and status in ('scheduled', 'claimed') and deleted_at is null and customer_id > ?
      order by customer_id limit ?
    ) r
  ) c
  order by customer_id
  limit ?`
