-- Wakes the outbox relay when a transaction that wrote events commits: NOTIFY is delivered on commit,
-- once per transaction however many rows it wrote, and never for one that rolled back. The relay
-- listens on this channel, so an event leaves within milliseconds while the relay itself polls only
-- seldom, as a safety net for a lost connection.
create or replace function kit_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('kit_outbox', '');
    return null;
end
$$;

create trigger kit_outbox_notify after insert on kit_outbox
    for each statement execute function kit_outbox_notify();
