import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123065623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "points_hold" drop constraint if exists "points_hold_cart_id_unique";`);
    this.addSql(`create table if not exists "points_hold" ("id" text not null, "account_id" text not null, "customer_id" text not null, "cart_id" text not null, "points" integer not null, "amount" numeric not null, "currency_code" text not null, "promotion_id" text null, "promotion_code" text null, "status" text check ("status" in ('held', 'consumed', 'released')) not null default 'held', "order_id" text null, "released_at" timestamptz null, "expires_at" timestamptz not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_deleted_at" ON "points_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_hold_cart_id_unique" ON "points_hold" ("cart_id") WHERE status = 'held' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_account_id_status" ON "points_hold" ("account_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_hold_promotion_id" ON "points_hold" ("promotion_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "points_hold" cascade;`);
  }

}
