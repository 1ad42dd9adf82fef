package cn.fazhiduban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Our task listeners refuse bad form input with a {@link FormFieldValidationException} carrying a
 * Chinese message. The engine wraps exceptions from listeners, which would make the REST API answer
 * 500; this outermost command interceptor hands the validation failure itself back, after the
 * transaction has rolled back, so that Tasklist and REST clients get a 400 with our message.
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapper(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withUnwrapper(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapper(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new UnwrapFormValidation());
    return all;
  }

  static final class UnwrapFormValidation extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause();
            cause != null && cause != cause.getCause();
            cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException validation) {
            throw validation;
          }
        }
        throw e;
      }
    }
  }
}
