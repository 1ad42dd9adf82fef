package cn.fazhiduban.security;

import java.util.List;

/**
 * A process that some groups start themselves (from Tasklist or the REST API). A feature declares
 * it as a bean; {@link AuthorizationSetup} grants exactly those groups the right to start it, and
 * nobody else.
 */
public interface StartableProcess {

  /** The process definition key, e.g. {@code inspection}. */
  String processDefinitionKey();

  /** The groups whose members may start it (administrators may start anything anyway). */
  List<String> starterGroups();
}
