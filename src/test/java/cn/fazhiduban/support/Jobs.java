package cn.fazhiduban.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * For tests that run with the job executor off: they run the due jobs themselves, when they choose
 * to.
 */
public final class Jobs {

  private Jobs() {}

  /**
   * Runs every job of an instance that is due now, and the jobs those create, until none is left.
   */
  public static void runDue(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("作业执行不完：" + processInstanceId);
  }
}
