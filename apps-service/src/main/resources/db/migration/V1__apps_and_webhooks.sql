-- Moved from wish-service (its V4) unchanged, so that a district's rows copy over as they are
-- (README "Moving apps out of wish-service").

-- Third-party client apps (a WeChat mini-program, the city hotline, a district dashboard), registered
-- by a district admin. The id is also the app's OAuth client id and the subject of its tokens.
create table client_app (
    id                    uuid        primary key,
    name                  text        not null,
    scopes                text[]      not null,
    -- the grid-tree node the app may act in
    jurisdiction          uuid        not null,
    status                text        not null,
    -- SHA-256 (hex) of the app's Open311 api_key; the key itself is shown once and never stored
    api_key_hash          text        unique,
    registered_by         text        not null,
    registered_at         timestamptz not null,
    credentials_issued_at timestamptz,
    revoked_at            timestamptz
);

-- Webhook subscriptions of apps: event types delivered to a URL, signed with a secret (sealed with the
-- service's data key, bound to the subscription id).
create table webhook_subscription (
    id          uuid        primary key,
    app_id      uuid        not null references client_app (id),
    url         text        not null,
    event_types text[]      not null,
    secret      text        not null,
    status      text        not null,
    created_at  timestamptz not null
);
create index webhook_subscription_app on webhook_subscription (app_id);

-- One event for one subscription, kept until delivered or parked: survives restarts, and every
-- replica polls the due ones with for update skip locked, so each attempt is made by one replica.
create table webhook_delivery (
    id              uuid        primary key,
    subscription_id uuid        not null references webhook_subscription (id),
    event_id        text        not null,
    event_type      text        not null,
    subject         text        not null,
    -- the body as it is sent, sealed
    payload         text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    created_at      timestamptz not null,
    -- retries go on for 24 hours from here: the first attempt, or a manual retry of a parked delivery
    retry_from      timestamptz not null,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_response   int,
    last_error      text,
    delivered_at    timestamptz,
    parked_at       timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc, id desc);

create table webhook_attempt (
    delivery_id uuid        not null references webhook_delivery (id),
    attempt     int         not null,
    at          timestamptz not null,
    response    int,
    error       text,
    duration_ms int         not null,
    primary key (delivery_id, attempt)
);

-- Where an aggregate (a wish, a case, a project …) is: the grid-tree node its first placed event named,
-- so that its later events, which name no place, are filtered by the apps' jurisdictions too.
create table event_place (
    subject uuid primary key,
    node_id uuid not null
);
