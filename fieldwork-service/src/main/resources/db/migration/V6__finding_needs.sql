-- A visit's finding turned into a need of wish-service's needs list (issue 18), once: the link from the finding to the
-- need's id (wish-service records the need under that id from org.gridgov.visit.finding-raised.v1)
create table visit_finding_need (
    visit_id  uuid        not null references visit (id),
    finding   int         not null,
    need_id   uuid        not null unique,
    raised_by text        not null,
    raised_at timestamptz not null,
    primary key (visit_id, finding)
);
