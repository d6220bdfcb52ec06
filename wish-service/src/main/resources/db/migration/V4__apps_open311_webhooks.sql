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

-- What an Open311 request carried beyond the wish it became: the app that posted it, the token it can
-- be followed by, the coordinates and the media link.
create table open311_request (
    wish_id    uuid             primary key references wish (id),
    app_id     uuid             not null references client_app (id),
    token      text             not null unique,
    lat        double precision,
    long       double precision,
    address_id uuid,
    media_url  text,
    -- how it was placed in a micro-grid: ADDRESS (address_string), HOUSEHOLD (address_id) or COORDINATES
    placed_by  text             not null
);
-- placing a request given only by coordinates looks for the nearest request placed by its address
create index open311_request_near on open311_request (lat, long) where lat is not null and placed_by <> 'COORDINATES';

-- Webhook subscriptions of apps: event types of wish.events delivered to a URL, signed with a secret
-- (sealed with the service's data key, bound to the subscription id).
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
    -- the body as it is sent, sealed: it may hold a resident's personal data for an app allowed to see it
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
