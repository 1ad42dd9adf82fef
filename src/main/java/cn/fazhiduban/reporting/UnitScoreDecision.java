package cn.fazhiduban.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of {@code unit-score}: an administrator who redeploys an
 * edited table changes the next computation, no restart. Evaluated by a plain DMN engine (no
 * history rows for reading a score, no permission to evaluate needed by a leader), which also
 * reports every matched rule, so that each deduction is named by its rule's description.
 */
@Component
class UnitScoreDecision {

  /**
   * One rule that matched: its id, its description (the table's annotation column) and its
   * deduction.
   */
  record Deduction(String rule, String name, double points) {}

  record Result(
      String decisionDefinitionId, int version, List<Deduction> deductions, double total) {}

  private record Parsed(DmnDecision decision, Map<String, String> ruleNames, int version) {}

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final DmnEngine dmnEngine;
  private final Map<String, Parsed> parsedByDefinitionId = new ConcurrentHashMap<>();
  private final ThreadLocal<List<DmnEvaluatedDecisionRule>> matched = new ThreadLocal<>();

  UnitScoreDecision(ProcessEngineConfiguration engineConfiguration) {
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    this.dmnEngine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(List.of(this::remember))
            .buildEngine();
  }

  private void remember(DmnDecisionTableEvaluationEvent event) {
    matched.set(new ArrayList<>(event.getMatchingRules()));
  }

  /** The deployed table now in force; looked up on every call, parsed once per deployed version. */
  Evaluator latest() {
    Parsed parsed =
        engineConfiguration.getCommandExecutorTxRequired().execute(this::latestDeployed);
    return inputs -> evaluate(parsed, inputs);
  }

  interface Evaluator {
    Result evaluate(Map<String, Integer> inputs);
  }

  private Parsed latestDeployed(CommandContext context) {
    // Reading the table a score is computed with is not a permission question: a clerk sees his own
    // score too.
    context.disableAuthorizationCheck();
    try {
      DecisionDefinition definition =
          engineConfiguration
              .getRepositoryService()
              .createDecisionDefinitionQuery()
              .decisionDefinitionKey(UnitScore.DECISION_ID)
              .latestVersion()
              .singleResult();
      if (definition == null) {
        throw new IllegalStateException("决策表 " + UnitScore.DECISION_ID + " 未部署");
      }
      return parsedByDefinitionId.computeIfAbsent(
          definition.getId(), id -> parse(id, definition.getVersion()));
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  private Parsed parse(String definitionId, int version) {
    try (InputStream xml =
        engineConfiguration.getRepositoryService().getDecisionModel(definitionId)) {
      byte[] bytes = xml.readAllBytes();
      DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
      Map<String, String> names = new HashMap<>();
      for (Rule rule : model.getModelElementsByType(Rule.class)) {
        String description =
            rule.getDescription() == null ? null : rule.getDescription().getTextContent();
        names.put(
            rule.getId(),
            description == null || description.isBlank() ? rule.getId() : description.trim());
      }
      return new Parsed(dmnEngine.parseDecision(UnitScore.DECISION_ID, model), names, version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result evaluate(Parsed parsed, Map<String, Integer> given) {
    Map<String, Object> variables = new HashMap<>();
    for (String input : UnitScore.INPUTS) {
      variables.put(input, given.getOrDefault(input, 0));
    }
    given.forEach(variables::putIfAbsent);
    matched.remove();
    dmnEngine.evaluateDecisionTable(parsed.decision(), variables);
    List<Deduction> deductions = new ArrayList<>();
    double total = 0;
    for (DmnEvaluatedDecisionRule rule :
        matched.get() == null ? List.<DmnEvaluatedDecisionRule>of() : matched.get()) {
      DmnEvaluatedOutput output = rule.getOutputEntries().get(UnitScore.DEDUCTION);
      Object value = output == null ? null : output.getValue().getValue();
      double points = value instanceof Number number ? number.doubleValue() : 0;
      total += points;
      deductions.add(
          new Deduction(
              rule.getId(), parsed.ruleNames().getOrDefault(rule.getId(), rule.getId()), points));
    }
    matched.remove();
    return new Result(null, parsed.version(), deductions, Math.round(total * 100) / 100.0);
  }
}
