-- A work item knows the engine's activity instance of its unit's sub-process, so that listeners find it by what the
-- engine set rather than by a process variable a completion could overwrite. CANCELLED follows an administrator's
-- cancellation, deletion or modification of the instance.
alter table work_item add column scope_activity_instance_id varchar(64);
alter table work_item add column cancelled_at timestamp with time zone;
alter table work_item add column cancel_reason varchar(1000);
create index ix_work_item_scope on work_item (scope_activity_instance_id);
