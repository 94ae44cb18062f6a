import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201212411 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "b2b_contract_renewal_notice" drop constraint if exists "b2b_contract_renewal_notice_contract_id_valid_to_unique";`);
    this.addSql(`alter table if exists "b2b_contract" drop constraint if exists "b2b_contract_price_list_id_unique";`);
    this.addSql(`alter table if exists "b2b_company_employee" drop constraint if exists "b2b_company_employee_customer_id_unique";`);
    this.addSql(`alter table if exists "b2b_company" drop constraint if exists "b2b_company_customer_group_id_unique";`);
    this.addSql(`create table if not exists "b2b_company" ("id" text not null, "name" text not null, "tax_id" text null, "country_code" text null, "contact_name" text null, "contact_email" text null, "contact_phone" text null, "status" text check ("status" in ('active', 'inactive')) not null default 'active', "customer_group_id" text not null, "account_manager_email" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_company_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_company_deleted_at" ON "b2b_company" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b2b_company_customer_group_id_unique" ON "b2b_company" ("customer_group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_company_name" ON "b2b_company" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "b2b_company_employee" ("id" text not null, "customer_id" text not null, "role" text check ("role" in ('buyer', 'admin')) not null default 'buyer', "spending_limit" numeric null, "spending_limit_currency_code" text null, "spending_limit_period" text check ("spending_limit_period" in ('day', 'week', 'month', 'quarter', 'year')) null, "company_id" text not null, "raw_spending_limit" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_company_employee_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_company_employee_company_id" ON "b2b_company_employee" ("company_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_company_employee_deleted_at" ON "b2b_company_employee" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b2b_company_employee_customer_id_unique" ON "b2b_company_employee" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_company_employee_company_id_role" ON "b2b_company_employee" ("company_id", "role") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "b2b_contract" ("id" text not null, "title" text not null, "status" text check ("status" in ('draft', 'active', 'cancelled')) not null default 'draft', "price_list_id" text not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "currency_code" text not null, "renewal_reminder_days" integer not null default 30, "notes" text null, "company_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_contract_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_company_id" ON "b2b_contract" ("company_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_deleted_at" ON "b2b_contract" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b2b_contract_price_list_id_unique" ON "b2b_contract" ("price_list_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_company_id_status" ON "b2b_contract" ("company_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_valid_to" ON "b2b_contract" ("valid_to") WHERE deleted_at IS NULL AND status = 'active';`);

    this.addSql(`create table if not exists "b2b_contract_renewal_notice" ("id" text not null, "contract_id" text not null, "company_id" text not null, "valid_to" timestamptz not null, "sent_to" text not null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_contract_renewal_notice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_renewal_notice_deleted_at" ON "b2b_contract_renewal_notice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_b2b_contract_renewal_notice_contract_id_valid_to_unique" ON "b2b_contract_renewal_notice" ("contract_id", "valid_to");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_contract_renewal_notice_created_at" ON "b2b_contract_renewal_notice" ("created_at");`);

    this.addSql(`create table if not exists "b2b_price_import" ("id" text not null, "contract_id" text not null, "price_list_id" text not null, "status" text check ("status" in ('pending', 'validating', 'invalid', 'ready', 'applying', 'applied', 'failed')) not null default 'pending', "apply_when_ready" boolean not null default false, "file_key" text not null, "file_name" text not null, "file_size" integer not null default 0, "bytes_read" integer not null default 0, "rows_total" integer not null default 0, "rows_valid" integer not null default 0, "rows_with_errors" integer not null default 0, "errors" jsonb null, "added" integer not null default 0, "changed" integer not null default 0, "removed" integer not null default 0, "unchanged" integer not null default 0, "applied" integer not null default 0, "list_fingerprint" text null, "failure" text null, "created_by" text null, "started_at" timestamptz null, "validated_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_price_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_deleted_at" ON "b2b_price_import" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_contract_id_created_at" ON "b2b_price_import" ("contract_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_status" ON "b2b_price_import" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "b2b_price_import_row" ("id" text not null, "import_id" text not null, "source" text check ("source" in ('file', 'list')) not null, "line" integer null, "variant_id" text null, "price_set_id" text not null, "currency_code" text not null, "min_quantity" integer null, "max_quantity" integer null, "amount" text not null, "action" text check ("action" in ('add', 'change', 'remove', 'same')) null, "price_id" text null, "old_amount" text null, "applied" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "b2b_price_import_row_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_row_deleted_at" ON "b2b_price_import_row" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_row_import_id_source_price_set_id_currency_code" ON "b2b_price_import_row" ("import_id", "source", "price_set_id", "currency_code");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_b2b_price_import_row_import_id_action_id" ON "b2b_price_import_row" ("import_id", "action", "id");`);

    this.addSql(`alter table if exists "b2b_company_employee" add constraint "b2b_company_employee_company_id_foreign" foreign key ("company_id") references "b2b_company" ("id") on update cascade;`);

    this.addSql(`alter table if exists "b2b_contract" add constraint "b2b_contract_company_id_foreign" foreign key ("company_id") references "b2b_company" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "b2b_company_employee" drop constraint if exists "b2b_company_employee_company_id_foreign";`);

    this.addSql(`alter table if exists "b2b_contract" drop constraint if exists "b2b_contract_company_id_foreign";`);

    this.addSql(`drop table if exists "b2b_company" cascade;`);

    this.addSql(`drop table if exists "b2b_company_employee" cascade;`);

    this.addSql(`drop table if exists "b2b_contract" cascade;`);

    this.addSql(`drop table if exists "b2b_contract_renewal_notice" cascade;`);

    this.addSql(`drop table if exists "b2b_price_import" cascade;`);

    this.addSql(`drop table if exists "b2b_price_import_row" cascade;`);
  }

}
