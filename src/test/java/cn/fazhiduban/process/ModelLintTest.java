package cn.fazhiduban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.fazhiduban.escalation.EscalationProcess;
import cn.fazhiduban.supervision.RoundStart;
import cn.fazhiduban.supervision.TaskSupervision;
import cn.fazhiduban.supervision.TaskSupervision.Elements;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * House rules for every model in {@code processes/}, checked on the files as they are deployed.
 * bpmnlint (run by Maven before the tests) covers modelling mistakes; this covers what it does not
 * know: our naming, delegate binding and the ids the code relies on.
 */
class ModelLintTest {

  /** Maven runs tests in the project root, where the models live. */
  private static final Path MODELS = Path.of("processes");

  private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

  /**
   * Ids that tools make up rather than people: Camunda Modeler's {@code Activity_0r5l2x9}, older
   * modelers' {@code UserTask_1} and Signavio's {@code sid-…}. Our ids are {@code
   * Prefix_CamelCaseName}.
   */
  private static final List<Pattern> GENERATED_IDS =
      Stream.of("[A-Za-z]+_[0-9a-z]{7}", "[A-Za-z]+_[0-9]+", "sid-.*", "_[0-9].*")
          .map(Pattern::compile)
          .toList();

  /**
   * DMN elements whose ids show up in Cockpit, history and the REST API. Rules and their cells are
   * left out: Modeler gives every new row its own id, and administrators edit the tables there.
   */
  private static final Set<String> NAMED_DMN_ELEMENTS =
      Set.of(
          "definitions",
          "decision",
          "decisionService",
          "input",
          "output",
          "inputData",
          "knowledgeSource",
          "businessKnowledgeModel");

  static Stream<Path> bpmnModels() throws IOException {
    return models("bpmn");
  }

  static Stream<Path> dmnModels() throws IOException {
    return models("dmn");
  }

  private static Stream<Path> models(String extension) throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("." + extension))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void findsTheModels() throws IOException {
    assertThat(bpmnModels())
        .as("BPMN files in %s", MODELS.toAbsolutePath())
        .contains(
            MODELS.resolve(TaskSupervision.PROCESS_ID + ".bpmn"),
            MODELS.resolve(EscalationProcess.PROCESS_ID + ".bpmn"));
    assertThat(dmnModels())
        .as("DMN files in %s", MODELS.toAbsolutePath())
        .contains(MODELS.resolve(EscalationProcess.DECISION_ID + ".dmn"));
  }

  // BPMN
  // ------------------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnModels")
  void parsesAndValidatesAgainstTheBpmnSchema(Path file) {
    assertThatCode(() -> Bpmn.validateModel(Bpmn.readModelFromFile(file.toFile())))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnModels")
  void bindsCodeByDelegateExpressionOnly(Path file) {
    List<String> offenders = new ArrayList<>();
    forEachElement(
        parse(file).getDocumentElement(),
        element -> {
          boolean camundaClass = !element.getAttributeNS(CAMUNDA_BPMN_NS, "class").isEmpty();
          boolean listenerClass =
              CAMUNDA_BPMN_NS.equals(element.getNamespaceURI()) && element.hasAttribute("class");
          if (camundaClass || listenerClass) {
            offenders.add(describe(element));
          }
        });

    assertThat(offenders)
        .as("camunda:class in %s; bind a Spring bean with camunda:delegateExpression", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnModels")
  void namesElementsByHand(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<Class<? extends BaseElement>> named =
        List.of(
            Process.class, Collaboration.class, Participant.class, Lane.class, FlowElement.class);
    Stream<String> ids =
        Stream.concat(
            Stream.of(model.getDefinitions().getId()),
            named.stream().flatMap(type -> ids(model.getModelElementsByType(type)).stream()));

    assertThat(ids.filter(ModelLintTest::looksGenerated))
        .as("generated ids in %s; name them like Task_SubmitProgressReport", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnModels")
  void hasOneExecutableProcessNamedLikeTheFileWithHistoryTimeToLive(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<Process> executable =
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();

    assertThat(executable).as("executable processes in %s", file).hasSize(1);
    Process process = executable.get(0);
    assertThat(process.getId()).as("process id in %s", file).isEqualTo(baseName(file));
    assertThat(process.getCamundaHistoryTimeToLiveString())
        .as("camunda:historyTimeToLive of %s", process.getId())
        .isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnModels")
  void drawsEveryFlowNodeAndSequenceFlow(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    assertThat(model.getModelElementsByType(BpmnDiagram.class))
        .as("BPMNDiagram in %s", file)
        .isNotEmpty();

    Set<String> shapes =
        drawnIds(
            model.getModelElementsByType(BpmnShape.class).stream().map(BpmnShape::getBpmnElement));
    Set<String> edges =
        drawnIds(
            model.getModelElementsByType(BpmnEdge.class).stream().map(BpmnEdge::getBpmnElement));

    assertThat(ids(model.getModelElementsByType(FlowNode.class)))
        .as("flow nodes without a BPMNShape in %s", file)
        .filteredOn(id -> !shapes.contains(id))
        .isEmpty();
    assertThat(ids(model.getModelElementsByType(SequenceFlow.class)))
        .as("sequence flows without a BPMNEdge in %s", file)
        .filteredOn(id -> !edges.contains(id))
        .isEmpty();
  }

  @Test
  void taskSupervisionHoldsTheElementsTheCodeNames() throws IllegalAccessException {
    Map<String, Class<? extends FlowNode>> expected =
        Map.ofEntries(
            Map.entry(Elements.START, StartEvent.class),
            Map.entry(Elements.PREPARE, ServiceTask.class),
            Map.entry(Elements.GATEWAY_NEEDS_ASSIGNMENT, ExclusiveGateway.class),
            Map.entry(Elements.CONFIRM_ASSIGNMENT, UserTask.class),
            Map.entry(Elements.APPLY_ASSIGNMENT, ServiceTask.class),
            Map.entry(Elements.JOIN_ASSIGNED, ExclusiveGateway.class),
            Map.entry(Elements.UNIT_REPORTS, SubProcess.class),
            Map.entry(Elements.UNIT_REPORT_START, StartEvent.class),
            Map.entry(Elements.SUBMIT_REPORT, UserTask.class),
            Map.entry(Elements.GATEWAY_REVIEW_NEEDED, ExclusiveGateway.class),
            Map.entry(Elements.REVIEW_REPORT, UserTask.class),
            Map.entry(Elements.GATEWAY_REVIEW_PASSED, ExclusiveGateway.class),
            Map.entry(Elements.JOIN_REPORT_ACCEPTED, ExclusiveGateway.class),
            Map.entry(Elements.UNIT_REPORT_END, EndEvent.class),
            Map.entry(Elements.REPORT_REMINDER, BoundaryEvent.class),
            Map.entry(Elements.REMIND_REPORT, ServiceTask.class),
            Map.entry(Elements.REPORT_OVERDUE, BoundaryEvent.class),
            Map.entry(Elements.EVALUATE_REPORT_ESCALATION, ServiceTask.class),
            Map.entry(Elements.OFFICE_CHECK, UserTask.class),
            Map.entry(Elements.GATEWAY_CHECK_PASSED, ExclusiveGateway.class),
            Map.entry(Elements.RECTIFICATIONS, SubProcess.class),
            Map.entry(Elements.RECTIFICATION_START, StartEvent.class),
            Map.entry(Elements.RECTIFY, UserTask.class),
            Map.entry(Elements.RECTIFICATION_END, EndEvent.class),
            Map.entry(Elements.RECTIFICATION_REMINDER, BoundaryEvent.class),
            Map.entry(Elements.REMIND_RECTIFICATION, ServiceTask.class),
            Map.entry(Elements.RECTIFICATION_OVERDUE, BoundaryEvent.class),
            Map.entry(Elements.EVALUATE_RECTIFICATION_ESCALATION, ServiceTask.class),
            Map.entry(Elements.CLOSE_TASK, ServiceTask.class),
            Map.entry(Elements.END, EndEvent.class));
    assertThat(expected.keySet())
        .as("ids in TaskSupervision.Elements (give a new one its type here)")
        .containsExactlyInAnyOrderElementsOf(constants(Elements.class));

    BpmnModelInstance model =
        Bpmn.readModelFromFile(MODELS.resolve(TaskSupervision.PROCESS_ID + ".bpmn").toFile());
    expected.forEach(
        (id, type) -> assertThat((Object) model.getModelElementById(id)).as(id).isInstanceOf(type));
  }

  @Test
  void roundStartHoldsTheElementsTheCodeNames() throws IllegalAccessException {
    Map<String, Class<? extends FlowNode>> expected =
        Map.of(
            RoundStart.Elements.START, StartEvent.class,
            RoundStart.Elements.OPEN_ROUND, ServiceTask.class,
            RoundStart.Elements.END, EndEvent.class);
    assertThat(expected.keySet())
        .as("ids in RoundStart.Elements (give a new one its type here)")
        .containsExactlyInAnyOrderElementsOf(constants(RoundStart.Elements.class));

    BpmnModelInstance model =
        Bpmn.readModelFromFile(MODELS.resolve(RoundStart.PROCESS_ID + ".bpmn").toFile());
    expected.forEach(
        (id, type) -> assertThat((Object) model.getModelElementById(id)).as(id).isInstanceOf(type));
  }

  @Test
  void inspectionHoldsTheElementsTheCodeNames() throws IllegalAccessException {
    BpmnModelInstance model =
        Bpmn.readModelFromFile(
            MODELS
                .resolve(cn.fazhiduban.inspection.InspectionProcess.PROCESS_ID + ".bpmn")
                .toFile());
    for (String id : constants(cn.fazhiduban.inspection.InspectionProcess.Elements.class)) {
      assertThat((Object) model.getModelElementById(id)).as(id).isInstanceOf(FlowNode.class);
    }
    for (String task :
        List.of(
            cn.fazhiduban.inspection.InspectionProcess.Elements.SUBMIT_SELF_INSPECTION,
            cn.fazhiduban.inspection.InspectionProcess.Elements.RECORD_OPINION,
            cn.fazhiduban.inspection.InspectionProcess.Elements.RECTIFY_FINDING,
            cn.fazhiduban.inspection.InspectionProcess.Elements.ACCEPT_RECTIFICATION,
            cn.fazhiduban.inspection.InspectionProcess.Elements.PUBLISH_NOTICE)) {
      assertThat((Object) model.getModelElementById(task)).as(task).isInstanceOf(UserTask.class);
    }
  }

  @Test
  void escalationHoldsTheElementsTheCodeNames() throws IllegalAccessException {
    Map<String, Class<? extends FlowNode>> expected =
        Map.ofEntries(
            Map.entry(EscalationProcess.Elements.START, StartEvent.class),
            Map.entry(EscalationProcess.Elements.ISSUE_NOTICE, UserTask.class),
            Map.entry(EscalationProcess.Elements.NOTICE_WORK_DONE, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.NOTICE_CLOSED, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.JOIN_AWAITING_OUTCOME, ExclusiveGateway.class),
            Map.entry(EscalationProcess.Elements.FOLLOW, UserTask.class),
            Map.entry(EscalationProcess.Elements.INTERVIEW_REQUIRED, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.FOLLOW_WORK_DONE, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.FOLLOW_CLOSED, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.HOLD_INTERVIEW, UserTask.class),
            Map.entry(EscalationProcess.Elements.INTERVIEW_WORK_DONE, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.INTERVIEW_CLOSED, BoundaryEvent.class),
            Map.entry(EscalationProcess.Elements.JOIN_RESOLVED_BY_UNIT, ExclusiveGateway.class),
            Map.entry(EscalationProcess.Elements.END_RESOLVED_BY_UNIT, EndEvent.class),
            Map.entry(EscalationProcess.Elements.JOIN_CLOSED_BY_OFFICE, ExclusiveGateway.class),
            Map.entry(EscalationProcess.Elements.END_CLOSED_BY_OFFICE, EndEvent.class));
    assertThat(expected.keySet())
        .as("ids in EscalationProcess.Elements (give a new one its type here)")
        .containsExactlyInAnyOrderElementsOf(constants(EscalationProcess.Elements.class));

    BpmnModelInstance model =
        Bpmn.readModelFromFile(MODELS.resolve(EscalationProcess.PROCESS_ID + ".bpmn").toFile());
    expected.forEach(
        (id, type) -> assertThat((Object) model.getModelElementById(id)).as(id).isInstanceOf(type));
  }

  @Test
  void escalationWaitsForTheMessagesTheCodeCorrelates() throws IllegalAccessException {
    BpmnModelInstance model =
        Bpmn.readModelFromFile(MODELS.resolve(EscalationProcess.PROCESS_ID + ".bpmn").toFile());
    assertThat(model.getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .as("messages in %s.bpmn and EscalationProcess.Messages", EscalationProcess.PROCESS_ID)
        .containsExactlyInAnyOrderElementsOf(constants(EscalationProcess.Messages.class));

    Map<String, String> awaited =
        Map.of(
            EscalationProcess.Elements.INTERVIEW_REQUIRED,
                EscalationProcess.Messages.INTERVIEW_REQUIRED,
            EscalationProcess.Elements.FOLLOW_WORK_DONE, EscalationProcess.Messages.WORK_DONE,
            EscalationProcess.Elements.NOTICE_WORK_DONE, EscalationProcess.Messages.WORK_DONE,
            EscalationProcess.Elements.INTERVIEW_WORK_DONE, EscalationProcess.Messages.WORK_DONE,
            EscalationProcess.Elements.FOLLOW_CLOSED, EscalationProcess.Messages.CLOSED_BY_OFFICE,
            EscalationProcess.Elements.NOTICE_CLOSED, EscalationProcess.Messages.CLOSED_BY_OFFICE,
            EscalationProcess.Elements.INTERVIEW_CLOSED,
                EscalationProcess.Messages.CLOSED_BY_OFFICE);
    awaited.forEach(
        (id, message) -> {
          CatchEvent event = model.getModelElementById(id);
          assertThat(event.getEventDefinitions())
              .as(id)
              .singleElement()
              .isInstanceOfSatisfying(
                  MessageEventDefinition.class,
                  definition ->
                      assertThat(definition.getMessage().getName()).as(id).isEqualTo(message));
        });
    // interrupting, so that the escalation ends whichever task is open
    assertThat(model.getModelElementsByType(BoundaryEvent.class))
        .as("boundary events of %s", EscalationProcess.PROCESS_ID)
        .isNotEmpty()
        .allSatisfy(
            boundary -> assertThat(boundary.cancelActivity()).as(boundary.getId()).isTrue());
  }

  // DMN
  // -------------------------------------------------------------------------------------------------------------

  @Test
  void escalationLevelDecisionHasTheIdTheCodeEvaluates() {
    DmnModelInstance model =
        Dmn.readModelFromFile(MODELS.resolve(EscalationProcess.DECISION_ID + ".dmn").toFile());
    assertThat(model.getModelElementsByType(Decision.class))
        .extracting(Decision::getId)
        .containsExactly(EscalationProcess.DECISION_ID);
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("dmnModels")
  void parsesAndValidatesAgainstTheDmnSchema(Path file) {
    assertThatCode(() -> Dmn.validateModel(Dmn.readModelFromFile(file.toFile())))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("dmnModels")
  void hasADecisionDiagram(Path file) {
    List<String> diagrams = new ArrayList<>();
    forEachElement(
        parse(file).getDocumentElement(),
        element -> {
          String namespace = element.getNamespaceURI();
          if ("DMNDiagram".equals(element.getLocalName())
              && namespace != null
              && namespace.contains("/DMNDI/")) {
            diagrams.add(element.getAttribute("id"));
          }
        });

    assertThat(diagrams)
        .as("dmndi:DMNDiagram in %s; save it with Camunda Modeler 5 or later", file)
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("dmnModels")
  void namesDecisionElementsByHand(Path file) {
    Element root = parse(file).getDocumentElement();
    List<String> generated = new ArrayList<>();
    forEachElement(
        root,
        element -> {
          boolean named =
              root.getNamespaceURI().equals(element.getNamespaceURI())
                  && NAMED_DMN_ELEMENTS.contains(element.getLocalName());
          if (named && looksGenerated(element.getAttribute("id"))) {
            generated.add(describe(element));
          }
        });

    assertThat(generated).as("generated ids in %s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("dmnModels")
  void setsHistoryTimeToLiveOnEveryDecision(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);

    assertThat(decisions).as("decisions in %s", file).isNotEmpty();
    assertThat(decisions)
        .as("decisions without camunda:historyTimeToLive in %s", file)
        .filteredOn(
            decision ->
                decision.getCamundaHistoryTimeToLiveString() == null
                    || decision.getCamundaHistoryTimeToLiveString().isBlank())
        .extracting(Decision::getId)
        .isEmpty();
  }

  // helpers
  // ---------------------------------------------------------------------------------------------------------

  private static boolean looksGenerated(String id) {
    return id != null
        && !id.isEmpty()
        && GENERATED_IDS.stream().anyMatch(pattern -> pattern.matcher(id).matches());
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static Set<String> drawnIds(Stream<BaseElement> elements) {
    return elements
        .filter(element -> element != null)
        .map(BaseElement::getId)
        .collect(Collectors.toSet());
  }

  private static List<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).toList();
  }

  private static List<String> constants(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void forEachElement(Element element, Consumer<Element> action) {
    action.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        forEachElement(childElement, action);
      }
    }
  }

  /**
   * {@code <camunda:taskListener class="…" event="complete"> inside Task_ReviewReport}, for failure
   * messages.
   */
  private static String describe(Element element) {
    StringBuilder tag = new StringBuilder("<").append(element.getTagName());
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!attribute.getName().startsWith("xmlns")) {
        tag.append(' ')
            .append(attribute.getName())
            .append("=\"")
            .append(attribute.getValue())
            .append('"');
      }
    }
    tag.append('>');
    for (Node parent = element.getParentNode();
        parent instanceof Element owner;
        parent = owner.getParentNode()) {
      if (owner.hasAttribute("id")) {
        return tag.append(" inside ").append(owner.getAttribute("id")).toString();
      }
    }
    return tag.toString();
  }
}
