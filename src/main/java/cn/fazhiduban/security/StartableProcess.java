package cn.fazhiduban.security;

import cn.fazhiduban.identity.Groups;
import java.util.List;

/**
 * A process that some groups start themselves (from Tasklist's 启动流程 or the REST API). A feature
 * declares it as a bean; {@link AuthorizationSetup} grants exactly those groups the right to start
 * it, and nobody else. The one way start rights are given.
 */
public interface StartableProcess {

  /** The process definition key, e.g. {@code inspection}. */
  String processDefinitionKey();

  /**
   * The groups whose members may start it: 依法治区办 unless said otherwise (administrators may start
   * anything anyway).
   */
  default List<String> starterGroups() {
    return List.of(Groups.OFFICE);
  }
}
