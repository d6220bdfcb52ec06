-- user management (/api/users): the jurisdiction's lineage (ancestors and itself, space-separated node ids, as
-- grid-service answered; '' for a node it does not know), so that "users within my jurisdiction" is one query;
-- an admin's lock, which no time lifts; a password an admin set, which the person is to change
alter table user_account add column jurisdiction_path varchar(2000);
alter table user_account add column locked_by_admin boolean not null default false;
alter table user_account add column password_change_required boolean not null default false;

-- who changed which account how: the names of the changed fields, never their values
create table user_audit (
    id bigserial primary key,
    at timestamptz not null default now(),
    actor varchar(200) not null,
    action varchar(50) not null,
    username varchar(100) not null,
    fields varchar(500)
);
create index user_audit_username on user_audit (username, at);
