package cn.fazhiduban.reporting.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The server side of the Cockpit plugin 督办总览: JAX-RS resources under {@code
 * /camunda/api/cockpit/plugin/duban-overview/{engine}/…}, behind the Cockpit session (no second
 * login) and Camunda's own filter rules. The page itself is {@code
 * app/cockpit/scripts/duban-overview.js}, registered in Cockpit's {@code config.js} ({@code
 * customScripts}); this plugin's {@code app/plugin.js} adds nothing.
 */
public class DubanOverviewPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-overview";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DubanOverviewResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
