-- Responses of state-changing requests sent with an Idempotency-Key, per caller, written in the
-- same transaction as the change: a retry gets the first response back and changes nothing.
create table kit_idempotency (
    caller      text        not null,
    key         text        not null,
    fingerprint text        not null,
    status      int,
    body        text,
    location    text,
    created_at  timestamptz not null default now(),
    primary key (caller, key)
);
create index kit_idempotency_created_at on kit_idempotency (created_at);
