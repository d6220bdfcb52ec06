-- Client apps, their credentials and webhooks moved to apps-service (README "Moving apps out of
-- wish-service"). Run apps-service/migration/copy-from-wish.sh BEFORE this migration: it copies
-- client_app and the webhook_* tables into the apps database; this drops them here.

-- What the Open311 door needs of an app, kept from apps.events (org.gridgov.app.credentials-issued.v1,
-- org.gridgov.app.revoked.v1) from now on; filled here from the apps registered so far, so that their
-- API keys keep working across the move.
create table open311_app (
    id           uuid    primary key,
    scopes       text[]  not null,
    jurisdiction uuid    not null,
    -- SHA-256 (hex) of the app's current api_key; null once revoked
    api_key_hash text    unique,
    revoked      boolean not null
);
insert into open311_app (id, scopes, jurisdiction, api_key_hash, revoked)
select id, scopes, jurisdiction, api_key_hash, status = 'REVOKED' from client_app;

-- the kit's list of revoked apps (this service now learns revocations from apps.events, as the others
-- do) starts with those revoked so far
insert into kit_revoked_client (client_id, revoked_at)
select id::text, revoked_at from client_app where status = 'REVOKED' on conflict do nothing;

-- a request stays the app's after the app's row left this database
alter table open311_request drop constraint open311_request_app_id_fkey;

drop table webhook_attempt;
drop table webhook_delivery;
drop table webhook_subscription;
drop table client_app;
