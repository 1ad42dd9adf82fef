package cn.fazhiduban.security;

import cn.fazhiduban.identity.Groups;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine-level guard: every command a logged-in person sends (REST, the webapps' engine API,
 * any other client) passes here before it runs, so nothing depends on matching URLs. Commands the
 * application itself runs (no authenticated user) and commands nested inside another one (a
 * listener correlating a message) pass untouched.
 *
 * <ul>
 *   <li>a completion, {@code submit-form} or {@code resolve} may set only the fields of the task's
 *       (or start event's) deployed form, with their types ({@link FormFields}); files are checked
 *       by content ({@link EvidenceFiles});
 *   <li>units may not end or divert a task other than by completing it: no BPMN error or
 *       escalation, no delegation, assignment, owner, candidates or task property changes, no
 *       {@code resolve}; they claim only for themselves;
 *   <li>units comment only on their own tasks and change no comment or attachment; leaders write
 *       nothing;
 *   <li>only the office and administrators write variables directly or correlate messages and
 *       signals;
 *   <li>a user changes their own password, not their profile, and cannot delete themselves.
 * </ul>
 *
 * The office ({@code yfzqb}) and administrators may do all but the first; the first applies to
 * everyone.
 */
class TaskActionGuard extends CommandInterceptor {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final ProcessEngineConfigurationImpl configuration;
  private final DeclaredForms forms;

  TaskActionGuard(ProcessEngineConfigurationImpl configuration, DeclaredForms forms) {
    this.configuration = configuration;
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    if (depth == 0) {
      IdentityService identity = configuration.getIdentityService();
      Authentication caller = identity == null ? null : identity.getCurrentAuthentication();
      if (caller != null && caller.getUserId() != null) {
        check(command, caller);
      }
    }
    DEPTH.set(depth + 1);
    try {
      return next.execute(command);
    } finally {
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  private void check(Command<?> command, Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean admin = groups.contains(Groups.ADMINS);
    boolean office = admin || groups.contains(Groups.OFFICE);
    String user = caller.getUserId();

    if (command instanceof SubmitTaskFormCmd) {
      checkTaskVariables(command, field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof CompleteTaskCmd) {
      if (command instanceof ResolveTaskCmd && !office) {
        throw refused("只有依法治区办可以办结委托的待办（resolve）。");
      }
      checkTaskVariables(command, field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = field(command, "processDefinitionId");
      FormFields declared = forms.forStartForm(definitionId).orElse(FormFields.NONE);
      checkVariables(declared, field(command, "variables"), name -> null);
    } else if (office) {
      checkUserCommands(command, user, admin);
    } else {
      checkUnitOrLeaderCommands(command, user, groups);
      checkUserCommands(command, user, false);
    }
  }

  private void checkUnitOrLeaderCommands(Command<?> command, String user, List<String> groups) {
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw refused("承办单位不能对待办抛出 BPMN 错误或升级事件，只能填写表单完成。");
    }
    if (command instanceof DelegateTaskCmd
        || command instanceof AbstractSetTaskPropertyCmd
        || command instanceof AddUserIdentityLinkCmd
        || command instanceof AddGroupIdentityLinkCmd
        || command instanceof DeleteIdentityLinkCmd
        || command instanceof SaveTaskCmd) {
      throw refused("承办单位不能委托、转办或修改待办（办理人、候选人、期限等），请联系依法治区办。");
    }
    if (command instanceof ClaimTaskCmd) {
      String claimant = field(command, "userId");
      if (!user.equals(claimant)) {
        throw refused("只能为自己认领待办，不能替他人认领或放弃认领。");
      }
    }
    if (command instanceof AddCommentCmd) {
      String taskId = field(command, "taskId");
      if (groups.contains(Groups.LEADERS) && !isUnitMember(groups)) {
        throw refused("领导账号只能查看，不能添加评论。");
      }
      if (taskId == null || !forms.isOwnTask(taskId, user, groups)) {
        throw refused("只能对本单位的待办添加评论。");
      }
    }
    if (command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd
        || command instanceof DeleteProcessInstanceCommentCmd) {
      throw refused("评论一经发表不能修改或删除。");
    }
    if (command instanceof CreateAttachmentCmd
        || command instanceof SaveAttachmentCmd
        || command instanceof DeleteAttachmentCmd) {
      throw refused("只有依法治区办可以添加或删除附件；佐证材料请在表单的材料栏上传。");
    }
    if (command instanceof AbstractSetVariableCmd
        || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd) {
      throw refused("不能直接修改流程变量，请通过待办表单提交。");
    }
    if (command instanceof AbstractCorrelateMessageCmd
        || command instanceof MessageEventReceivedCmd
        || command instanceof SignalEventReceivedCmd
        || command instanceof SignalCmd) {
      throw refused("您没有执行此操作的权限。");
    }
  }

  /** A leader who is also a unit's clerk acts as the unit; a leader only reads. */
  private static boolean isUnitMember(List<String> groups) {
    return groups.stream().anyMatch(group -> !Groups.LEADERS.equals(group));
  }

  private void checkUserCommands(Command<?> command, String user, boolean admin) {
    if (admin) {
      return;
    }
    if (command instanceof DeleteUserCmd) {
      throw refused("只有管理员可以删除用户。");
    }
    if (command instanceof SaveUserCmd) {
      User changed = field(command, "user");
      User stored =
          changed == null
              ? null
              : configuration
                  .getIdentityService()
                  .createUserQuery()
                  .userId(changed.getId())
                  .singleResult();
      if (stored == null
          || !Objects.equals(stored.getEmail(), changed.getEmail())
          || !Objects.equals(stored.getFirstName(), changed.getFirstName())
          || !Objects.equals(stored.getLastName(), changed.getLastName())) {
        throw refused("只能修改自己的密码；姓名和电子邮箱由管理员维护。");
      }
    }
  }

  private void checkTaskVariables(
      Command<?> command, String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty() || taskId == null) {
      return;
    }
    Optional<FormFields> declared = forms.forTask(taskId);
    if (declared.isEmpty()) {
      return; // no such task: the command itself says so
    }
    checkVariables(declared.get(), variables, name -> forms.currentValue(taskId, name));
  }

  private void checkVariables(
      FormFields declared, Map<String, Object> variables, Function<String, Object> current) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    VariableMap typed = Variables.fromMap(variables);
    List<FormFields.Submitted> submitted = new ArrayList<>();
    for (String name : typed.keySet()) {
      submitted.add(submitted(name, typed.getValueTyped(name)));
    }
    Optional<String> problem = declared.problem(submitted, current);
    if (problem.isPresent()) {
      throw new FormFieldValidationException("undeclared-field", problem.get());
    }
    for (String name : typed.keySet()) {
      if (typed.getValueTyped(name) instanceof FileValue file) {
        FormFields.Field field = declared.field(name).orElseThrow();
        FileValue cleaned = EvidenceFiles.checked(name, file, field.accept());
        if (cleaned != file) {
          try {
            variables.put(name, cleaned);
          } catch (UnsupportedOperationException e) {
            throw new FormFieldValidationException(name, "文件名含有不允许的字符，请改名后重新上传。");
          }
        }
      }
    }
  }

  /** The engine's type name of a submitted value; untyped values by their Java class. */
  static FormFields.Submitted submitted(String name, TypedValue value) {
    if (value == null || value.getValue() == null && value.getType() == null) {
      return new FormFields.Submitted(name, null, null);
    }
    if (value.getType() != null) {
      String type = value.getType().getName();
      if (value instanceof ObjectValue object
          && !"application/json".equals(object.getSerializationDataFormat())) {
        type = "object:" + object.getSerializationDataFormat(); // only JSON objects come from forms
      }
      Object plain =
          value instanceof FileValue
              ? null
              : value instanceof ObjectValue o ? o.getValueSerialized() : value.getValue();
      return new FormFields.Submitted(name, type, plain);
    }
    Object plain = value.getValue();
    String type;
    if (plain instanceof String) {
      type = "string";
    } else if (plain instanceof Integer) {
      type = "integer";
    } else if (plain instanceof Long) {
      type = "long";
    } else if (plain instanceof Short) {
      type = "short";
    } else if (plain instanceof Double || plain instanceof Float) {
      type = "double";
    } else if (plain instanceof Boolean) {
      type = "boolean";
    } else if (plain instanceof Date) {
      type = "date";
    } else {
      type = "object:" + plain.getClass().getName();
    }
    return new FormFields.Submitted(name, type, plain);
  }

  private static AuthorizationException refused(String message) {
    return new AuthorizationException(message);
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " 没有字段 " + name);
  }
}
