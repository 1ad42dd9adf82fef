package cn.fazhiduban.plan;

import cn.fazhiduban.plan.PlanImportProcess.Variables;
import cn.fazhiduban.plan.parse.PlanDocumentReader;
import cn.fazhiduban.plan.parse.PlanParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Reads the uploaded or pasted plan when the process starts. A file that cannot be read, or holds
 * no task, refuses the start form with the reader's Chinese message: the start rolls back and
 * nothing is stored. Otherwise the text is kept for the instance and the form's {@code draft} is
 * set; the upload itself is removed from the variables.
 */
@Component
class ReadPlanDelegate implements JavaDelegate {

  static final long MAX_BYTES = 20L * 1024 * 1024;

  private final PlanDocumentReader reader;
  private final PlanCheckService checks;
  private final IdentityService identityService;

  ReadPlanDelegate(
      PlanDocumentReader reader, PlanCheckService checks, IdentityService identityService) {
    this.reader = reader;
    this.checks = checks;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = text(execution);
    Map<String, Object> draft;
    try {
      draft = checks.startCheck(execution.getProcessInstanceId(), text, currentUser());
    } catch (PlanParseException e) {
      throw new FormFieldValidationException(Variables.PLAN_FILE, e.getMessage());
    }
    execution.removeVariable(Variables.PLAN_FILE);
    execution.removeVariable(Variables.PASTED_PLAN);
    execution.setVariable(Variables.DRAFT, SpinValues.jsonValue(Spin.JSON(draft)).create());
  }

  private String text(DelegateExecution execution) {
    FileValue file = execution.getVariableTyped(Variables.PLAN_FILE);
    if (file != null && file.getValue() != null) {
      byte[] content;
      try (InputStream in = file.getValue()) {
        content = in.readNBytes((int) MAX_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (content.length > MAX_BYTES) {
        throw new FormFieldValidationException(Variables.PLAN_FILE, "方案文件过大，不能超过 20 MB。");
      }
      try {
        return reader.toText(content, file.getFilename(), file.getMimeType());
      } catch (PlanParseException e) {
        throw new FormFieldValidationException(Variables.PLAN_FILE, e.getMessage());
      }
    }
    Object pasted = execution.getVariable(Variables.PASTED_PLAN);
    String text = pasted == null ? null : Spin.JSON(pasted.toString()).prop("text").stringValue();
    if (text == null || text.isBlank()) {
      throw new FormFieldValidationException(
          Variables.PLAN_FILE, "请上传任务分解方案文件（.txt 或 .docx），或粘贴方案全文。");
    }
    if (text.length() > MAX_BYTES) {
      throw new FormFieldValidationException(Variables.PASTED_PLAN, "粘贴的方案过长，不能超过 20 MB。");
    }
    return text;
  }

  private String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
