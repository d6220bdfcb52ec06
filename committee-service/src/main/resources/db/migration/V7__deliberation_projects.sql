-- 四议两公开: the projects a deliberation's resolution creates (POST /api/projects with deliberationId). Their
-- completion is the implementation result: the last one completed discloses it when the resolution is public.
create table deliberation_project (
    project_id      uuid primary key references project,
    deliberation_id uuid not null references deliberation
);
create index deliberation_project_by_deliberation on deliberation_project (deliberation_id);
