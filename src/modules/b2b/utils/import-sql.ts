/**
 * The set-based statements of a price import's staging table (b2b_price_import_row). Values only
 * ever travel as bindings; table and column names are constants.
 */

/** Bulk insert of a batch of the file's valid lines (arrays bound per column, unnested in SQL). */
export const STAGE_FILE_ROWS_SQL = `
insert into b2b_price_import_row
  (id, import_id, source, line, variant_id, price_set_id, currency_code, min_quantity, max_quantity, amount, applied, created_at, updated_at)
select ? || ':f' || lpad(t.line::text, 10, '0'), ?, 'file', t.line, t.variant_id, t.price_set_id, t.currency_code, t.min_q, t.max_q, t.amount, false, now(), now()
from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[]) as t(line, variant_id, price_set_id, currency_code, min_q, max_q, amount)`

/** Bulk insert of a page of the price list's prices as they are now. */
export const STAGE_LIST_ROWS_SQL = `
insert into b2b_price_import_row
  (id, import_id, source, price_id, price_set_id, currency_code, min_quantity, max_quantity, amount, applied, created_at, updated_at)
select ? || ':l' || t.price_id, ?, 'list', t.price_id, t.price_set_id, t.currency_code, t.min_q, t.max_q, t.amount, false, now(), now()
from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[]) as t(price_id, price_set_id, currency_code, min_q, max_q, amount)`

/**
 * Lines whose quantity band overlaps an earlier line's band for the same variant and currency
 * (a repeated band included), each with the first earlier line it overlaps. A band without a
 * minimum starts at 0 and one without a maximum never ends, as Medusa's price selection reads them.
 */
export const BAND_OVERLAPS_SQL = `
select distinct on (b.line) b.line, a.line as other_line,
       a.min_quantity as other_min, a.max_quantity as other_max, b.min_quantity, b.max_quantity
from b2b_price_import_row a
join b2b_price_import_row b
  on b.import_id = a.import_id and b.source = 'file' and b.price_set_id = a.price_set_id
 and b.currency_code = a.currency_code and b.line > a.line
where a.import_id = ? and a.source = 'file'
  and coalesce(a.min_quantity, 0) <= coalesce(b.max_quantity, 2147483647)
  and coalesce(b.min_quantity, 0) <= coalesce(a.max_quantity, 2147483647)
order by b.line, a.line`

/** Marks each file line matched by a list price (same variant, currency and band) `same` or `change`. */
export const DIFF_MATCH_SQL = `
update b2b_price_import_row f
set action = case when f.amount::numeric = l.amount::numeric then 'same' else 'change' end,
    price_id = l.price_id, old_amount = l.amount, updated_at = now()
from b2b_price_import_row l
where f.import_id = ? and f.source = 'file'
  and l.import_id = f.import_id and l.source = 'list'
  and l.price_set_id = f.price_set_id and l.currency_code = f.currency_code
  and l.min_quantity is not distinct from f.min_quantity
  and l.max_quantity is not distinct from f.max_quantity`

export const DIFF_ADDED_SQL = `
update b2b_price_import_row set action = 'add', updated_at = now()
where import_id = ? and source = 'file' and action is null`

/** A list price no file line matched is removed: the file is the contract's whole price list. */
export const DIFF_REMOVED_SQL = `
update b2b_price_import_row l set action = 'remove', updated_at = now()
where l.import_id = ? and l.source = 'list'
  and not exists (
    select 1 from b2b_price_import_row f
    where f.import_id = l.import_id and f.source = 'file' and f.price_id = l.price_id)`

export const DIFF_COUNTS_SQL = `
select action, count(*)::int as n from b2b_price_import_row
where import_id = ? and action is not null group by action`

/** Records, after a batch is written or rolled back, which rows are applied and the price each created. */
export const MARK_APPLIED_SQL = `
update b2b_price_import_row r set applied = ?, price_id = coalesce(t.price_id, r.price_id), updated_at = now()
from unnest(?::text[], ?::text[]) as t(id, price_id)
where r.import_id = ? and r.id = t.id`

export const ROW_COLUMNS =
  "id, action, line, variant_id, price_set_id, currency_code, min_quantity, max_quantity, amount, old_amount, price_id"
