package cn.fazhiduban.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the deployed form of a task or a start event and what it lets a client set ({@link
 * FormFields}), and answers the few questions about a task that the guards ask (its candidates, a
 * variable's current value). Lookups run as the application, without the caller's authorization:
 * the engine still checks the caller on the command itself.
 *
 * <p>Parsed forms are cached per deployment and resource ({@code deployment:} form keys), otherwise
 * per content (forms referenced with {@code camunda:formRef}, whose binding may follow later
 * deployments).
 */
@Component
public class DeclaredForms {

  private static final Logger log = LoggerFactory.getLogger(DeclaredForms.class);
  private static final String DEPLOYMENT = "deployment:";

  private final Map<String, FormFields> cache = new ConcurrentHashMap<>();
  private volatile ProcessEngineConfigurationImpl engine;

  /** Called by {@link SecurityEnginePlugin} while the engine is built. */
  void useEngine(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
  }

  /**
   * The task's form fields, or empty when there is no such task (the engine answers that itself).
   */
  public Optional<FormFields> forTask(String taskId) {
    return run(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return Optional.empty();
          }
          if (task.getProcessDefinitionId() == null) {
            return Optional.of(FormFields.NONE); // a stand-alone task has no deployed form
          }
          ProcessDefinitionEntity definition = definition(context, task.getProcessDefinitionId());
          TaskDefinition taskDefinition = task.getTaskDefinition();
          FormDefinition form = taskDefinition == null ? null : taskDefinition.getFormDefinition();
          return Optional.of(
              fields(
                  context,
                  definition,
                  form,
                  () -> new GetDeployedTaskFormCmd(taskId).execute(context)));
        });
  }

  /**
   * The start form's fields of a process definition, by id, or empty when there is no such
   * definition.
   */
  public Optional<FormFields> forStartForm(String processDefinitionId) {
    return run(
        context -> {
          ProcessDefinitionEntity definition =
              context.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId);
          if (definition == null) {
            return Optional.empty();
          }
          return Optional.of(startFields(context, definition));
        });
  }

  /** The start form's fields of the latest version of a process, by key. */
  public Optional<FormFields> forStartFormByKey(String key, String tenantId) {
    return run(
        context -> {
          ProcessDefinitionEntity definition =
              tenantId == null
                  ? context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key)
                  : context
                      .getProcessDefinitionManager()
                      .findLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
          return definition == null
              ? Optional.<FormFields>empty()
              : Optional.of(startFields(context, definition));
        });
  }

  /**
   * A variable's value as the task sees it now, for read-only fields that may only come back
   * unchanged.
   */
  public Object currentValue(String taskId, String name) {
    return run(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          return task == null ? null : task.getVariable(name);
        });
  }

  /** Whether the user, or one of the groups, is the task's assignee or one of its candidates. */
  public boolean isOwnTask(String taskId, String userId, List<String> groupIds) {
    return run(
        context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return false;
          }
          if (userId != null && userId.equals(task.getAssignee())) {
            return true;
          }
          return task.getIdentityLinks().stream()
              .anyMatch(
                  link ->
                      "candidate".equals(link.getType())
                          && (userId != null && userId.equals(link.getUserId())
                              || link.getGroupId() != null
                                  && groupIds.contains(link.getGroupId())));
        });
  }

  private FormFields startFields(CommandContext context, ProcessDefinitionEntity definition) {
    ProcessDefinitionEntity deployed = definition(context, definition.getId());
    return fields(
        context,
        deployed,
        deployed.getStartFormDefinition(),
        () -> new GetDeployedStartFormCmd(deployed.getId()).execute(context));
  }

  private ProcessDefinitionEntity definition(CommandContext context, String id) {
    return context
        .getProcessEngineConfiguration()
        .getDeploymentCache()
        .findDeployedProcessDefinitionById(id);
  }

  private FormFields fields(
      CommandContext context,
      ProcessDefinitionEntity definition,
      FormDefinition form,
      FormContent content) {
    if (form == null || form.getFormKey() == null && form.getCamundaFormDefinitionKey() == null) {
      return FormFields.NONE;
    }
    String literalKey = literal(form.getFormKey());
    if (literalKey != null) {
      String resource = literalKey.replaceFirst("^(embedded:|camunda-forms:)", "");
      if (resource.startsWith(DEPLOYMENT)) {
        String name = resource.substring(DEPLOYMENT.length());
        String cacheKey = definition.getDeploymentId() + "|" + name;
        FormFields cached = cache.get(cacheKey);
        if (cached != null) {
          return cached;
        }
        ResourceEntity stored =
            context
                .getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), name);
        FormFields parsed =
            stored == null ? unreadable(literalKey) : parse(stored.getBytes(), literalKey);
        cache.put(cacheKey, parsed);
        return parsed;
      }
    }
    byte[] bytes;
    try (InputStream in = content.open()) {
      bytes = in.readAllBytes();
    } catch (RuntimeException | IOException e) {
      return unreadable(String.valueOf(literalKey));
    }
    return cache.computeIfAbsent("sha256|" + sha256(bytes), key -> parse(bytes, "formRef"));
  }

  private static String literal(Expression expression) {
    if (expression == null) {
      return null;
    }
    String text = expression.getExpressionText();
    return text == null || text.contains("${") || text.contains("#{") ? null : text;
  }

  private static FormFields parse(byte[] bytes, String what) {
    try {
      return FormFields.parse(bytes);
    } catch (IllegalArgumentException e) {
      return unreadable(what);
    }
  }

  private static FormFields unreadable(String what) {
    log.warn("表单 {} 无法读取，提交时不接受任何变量", LogText.safe(what));
    return FormFields.NONE;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private <T> T run(Command<T> command) {
    ProcessEngineConfigurationImpl configuration = engine;
    if (configuration == null) {
      throw new IllegalStateException("流程引擎尚未启动");
    }
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context.disableAuthorizationCheck();
              try {
                return command.execute(context);
              } finally {
                context.enableAuthorizationCheck();
              }
            });
  }

  @FunctionalInterface
  private interface FormContent {
    InputStream open();
  }
}
