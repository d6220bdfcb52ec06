-- Each unit's record of the Grand Party Committee's projects from committee.events, for the red/black list:
-- agreements signed, projects declined, milestones reached (on time or late), reminded, escalated (督办),
-- and the grades of the quarterly reviews (项目评议, counted in the quarter reviewed).
create table unit_project_fact (
    project_id   uuid        not null,
    unit_id      uuid        not null,
    community_id uuid        not null,
    kind         text        not null check (kind in ('SIGNED', 'DECLINED', 'MILESTONE_ON_TIME', 'MILESTONE_LATE',
                                                      'REMINDER', 'ESCALATION', 'REVIEWED')),
    -- REVIEWED: the quarter reviewed and the grade
    quarter      text,
    grade        text,
    occurred_at  timestamptz not null,
    primary key (project_id, unit_id, kind, occurred_at)
);
create index unit_project_fact_community on unit_project_fact (community_id, occurred_at);
