-- Indexes found missing by scripts/bench (see BENCHMARKS.md). Each foreign key that no existing index leads with gets
-- one, so deleting or checking a parent row does not scan the child table. Named duban_* so that the benchmark's
-- stock variant can drop them.
create index duban_work_item_round_task on work_item (round_task_id);
create index duban_review_opinion_report on review_opinion (report_id);
create index duban_rectification_check on rectification (office_check_id);
create index duban_round_task_plan_task on round_task (plan_task_id);
create index duban_supervision_round_plan on supervision_round (plan_id);
