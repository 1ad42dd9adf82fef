package cn.fazhiduban.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine settings that properties cannot express: the authorization provider that cleans up
 * rerouted grants, the guard in front of every command ({@link TaskActionGuard}), historic task
 * grants (so a unit reads the comments of its own tasks), and logins that are delayed after
 * failures but never locked for good.
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  /**
   * Failed logins only ever delay (up to loginDelayMaxTime, 60 s): nobody can lock an account from
   * outside.
   */
  static final int NEVER_LOCK_FOR_GOOD = 1_000_000;

  private final DeclaredForms forms;

  SecurityEnginePlugin(DeclaredForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ReroutingAuthorizationProvider());
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setLoginMaxAttempts(NEVER_LOCK_FOR_GOOD);
    configuration.setEnablePasswordPolicy(true);
    forms.useEngine(configuration);
    // One guard per chain: an interceptor holds the next link of its own chain.
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(
            configuration.getCustomPreCommandInterceptorsTxRequired(),
            new TaskActionGuard(configuration, forms)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(
            configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
            new TaskActionGuard(configuration, forms)));
  }

  private static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor guard) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(guard);
    return all;
  }
}
