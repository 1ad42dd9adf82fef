package cn.fazhiduban.supervision;

import static cn.fazhiduban.supervision.TaskSupervision.Typed.UNIT_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * SubProcess_UnitReport and SubProcess_Rectification, on start: records this sub-process instance
 * on the unit's work item. The element variable {@code unitCode} is read here only, the moment the
 * engine has set it; everything later finds the work item by the instance (see {@link
 * WorkItemScopes}).
 */
@Component("bindWorkItemListener")
class BindWorkItemListener implements ExecutionListener {

  private final WorkItemScopes scopes;

  BindWorkItemListener(WorkItemScopes scopes) {
    this.scopes = scopes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    scopes.enter(execution, UNIT_CODE.get(execution));
  }
}
