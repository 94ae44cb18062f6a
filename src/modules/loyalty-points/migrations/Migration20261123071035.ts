import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123071035 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_code_unique";`);
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_customer_id_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_referee_customer_id_unique";`);
    this.addSql(`create table if not exists "referral" ("id" text not null, "referrer_customer_id" text not null, "referee_customer_id" text not null, "code" text not null, "status" text check ("status" in ('registered', 'rewarded', 'void')) not null default 'registered', "order_id" text null, "rewarded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_deleted_at" ON "referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_referee_customer_id_unique" ON "referral" ("referee_customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referrer_customer_id" ON "referral" ("referrer_customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_order_id" ON "referral" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_code" ("id" text not null, "customer_id" text not null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_code_deleted_at" ON "referral_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_customer_id_unique" ON "referral_code" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_code_unique" ON "referral_code" ("code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "referral_code" cascade;`);
  }

}
