-- The points ledger (积分): double-entry and append-only. Every transaction has a cause; its
-- entries add up to zero; a member's balance (kept beside the journal for the atomic check)
-- never goes below zero.
create table points_account (
    member_id uuid        primary key,
    balance   bigint      not null check (balance >= 0),
    opened_at timestamptz not null default now()
);

create table points_transaction (
    id          uuid        primary key,
    member_id   uuid        not null,
    cause       text        not null,
    cause_id    uuid        not null,
    reason      text,
    actor       text,
    occurred_at timestamptz not null,
    -- a cause moves a member's points once, however often its event or request arrives
    unique (cause, cause_id, member_id)
);
create index points_transaction_member on points_transaction (member_id, occurred_at);

create table points_entry (
    id             bigserial primary key,
    transaction_id uuid   not null references points_transaction (id),
    account        text   not null,
    amount         bigint not null check (amount <> 0),
    -- for member accounts: the balance right after this entry
    balance_after  bigint check (balance_after >= 0)
);
create index points_entry_account on points_entry (account, id);
create index points_entry_transaction on points_entry (transaction_id);

create trigger points_transaction_append_only before update or delete on points_transaction
    for each row execute function refuse_rewriting_history();
create trigger points_entry_append_only before update or delete on points_entry
    for each row execute function refuse_rewriting_history();

-- Double entry, checked by the database at commit as a last line behind the domain's rule.
create function points_transaction_balances() returns trigger language plpgsql as $$
begin
    if (select sum(amount) from points_entry where transaction_id = new.transaction_id) <> 0 then
        raise exception 'points transaction % does not balance', new.transaction_id;
    end if;
    return null;
end $$;
create constraint trigger points_entry_balanced after insert on points_entry
    deferrable initially deferred for each row execute function points_transaction_balances();

-- The points store (积分超市) of a community.
create table store_item (
    id           uuid        primary key,
    community_id uuid        not null,
    name         text        not null,
    price        int         not null check (price > 0),
    stock        int         not null check (stock >= 0),
    created_at   timestamptz not null,
    created_by   text        not null
);
create index store_item_community on store_item (community_id, name, id);

create table redemption (
    id          uuid        primary key,
    member_id   uuid        not null,
    item_id     uuid        not null references store_item (id),
    quantity    int         not null check (quantity > 0),
    points      bigint      not null check (points > 0),
    redeemed_at timestamptz not null,
    redeemed_by text        not null
);
