package cn.fazhiduban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link InstanceCancelled} whenever a process instance or a sub-process instance ends by
 * cancellation. The listeners are the engine's built-in kind, which run even when an administrator
 * deletes with "skip custom listeners", so our rows follow every cancellation.
 */
@Component
class CancellationPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationEventPublisher events;

  CancellationPlugin(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element element, ProcessDefinitionEntity definition) {
            definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, new Cancelled(false));
          }

          @Override
          public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, new Cancelled(true));
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /**
   * The reason given for the cancelled scope, else the one given for its whole instance (Cockpit's
   * delete).
   */
  private static String deleteReason(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity) {
      if (entity.getDeleteReason() != null) {
        return entity.getDeleteReason();
      }
      ExecutionEntity instance = entity.getProcessInstance();
      return instance == null ? null : instance.getDeleteReason();
    }
    return execution instanceof PvmExecutionImpl pvm ? pvm.getDeleteReason() : null;
  }

  private final class Cancelled implements ExecutionListener {
    private final boolean subProcess;

    Cancelled(boolean subProcess) {
      this.subProcess = subProcess;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!execution.isCanceled()) {
        return;
      }
      String definitionId = execution.getProcessDefinitionId();
      String key =
          definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
      String reason = deleteReason(execution);
      events.publishEvent(
          new InstanceCancelled(
              key,
              execution.getProcessInstanceId(),
              execution.getProcessBusinessKey(),
              subProcess ? execution.getCurrentActivityId() : null,
              subProcess ? execution.getActivityInstanceId() : execution.getProcessInstanceId(),
              reason));
    }
  }
}
