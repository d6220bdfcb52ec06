-- Client apps revoked by the service that registers them (org.gridgov.app.revoked.v1 on apps.events; wish.events before apps-service):
-- their tokens are refused before they expire. Kept by services with gridgov.revoked-clients.enabled.
create table kit_revoked_client (
    client_id  text        primary key,
    revoked_at timestamptz not null
);
