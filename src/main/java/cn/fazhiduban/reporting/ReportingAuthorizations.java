package cn.fazhiduban.reporting;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.security.AuthorizationSetup;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the annual report needs beyond the general grants and its starters (AnnualReportStarters):
 * leaders open Tasklist for their one task there, 审定年度报告 (its candidate group gives them that task
 * alone).
 */
@Component
class ReportingAuthorizations {

  static final String TASKLIST = "tasklist";

  private final AuthorizationSetup authorizations;

  ReportingAuthorizations(AuthorizationSetup authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void grant() {
    authorizations.grant(Groups.LEADERS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
  }
}
