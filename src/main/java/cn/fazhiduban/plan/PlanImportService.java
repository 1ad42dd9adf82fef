package cn.fazhiduban.plan;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.plan.PlanTaskUnit.Role;
import cn.fazhiduban.plan.parse.ParsedPlan;
import cn.fazhiduban.plan.parse.ParsedPlan.Chapter;
import cn.fazhiduban.plan.parse.ParsedPlan.Section;
import cn.fazhiduban.plan.parse.ParsedTask;
import cn.fazhiduban.plan.parse.PlanParser;
import cn.fazhiduban.unit.UnitDirectory;
import cn.fazhiduban.unit.UnitReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parses a plan, resolves its units against the directory and stores it, all in one transaction.
 * The same text imported again (by anyone, even at the same moment) finds the plan stored the first
 * time.
 */
@Service
public class PlanImportService {

  private final PlanParser parser;
  private final UnitDirectory directory;
  private final PlanRepository plans;
  private final TransactionTemplate transaction;
  private final EngineClock clock;
  private final Duration parseDeadline;

  public PlanImportService(
      PlanParser parser,
      UnitDirectory directory,
      PlanRepository plans,
      TransactionTemplate transaction,
      EngineClock clock,
      PlanProperties properties) {
    this.parser = parser;
    this.directory = directory;
    this.plans = plans;
    this.transaction = transaction;
    this.clock = clock;
    this.parseDeadline = properties.parseDeadline();
  }

  /** What an import did; read inside the transaction so that nothing lazy is left to load. */
  public record ImportResult(
      long id, String title, int tasks, boolean created, List<String> unresolvedUnits) {

    static ImportResult of(Plan plan, boolean created) {
      return new ImportResult(
          plan.getId(), plan.getTitle(), plan.getTasks().size(), created, unresolvedNames(plan));
    }
  }

  /** Reads the plan without storing anything. */
  public ParsedPlan parse(String text) {
    return parser.parse(normalize(text), clock.today(), parseOptions());
  }

  /** The parse deadline, and the directory's names: an unknown unit name gives a warning. */
  private PlanParser.Options parseOptions() {
    return new PlanParser.Options(
        parseDeadline, name -> directory.resolve(name).type() != UnitReference.Type.UNRESOLVED);
  }

  public ImportResult importPlan(String text, String importedBy) {
    String normalized = normalize(text);
    return importParsed(
        normalized,
        parser.parse(normalized, clock.today(), parseOptions()),
        importedBy,
        plan -> {});
  }

  /**
   * Stores a plan as the office corrected it in the plan-import process: the same all-or-nothing
   * import, keyed by the text as uploaded (so the same text again finds this plan); {@code stored}
   * runs on a newly stored plan only.
   */
  ImportResult importChecked(
      String text, ParsedPlan corrected, String importedBy, Consumer<Plan> stored) {
    return importParsed(normalize(text), corrected, importedBy, stored);
  }

  /** The stored plan with this text, if any. */
  Optional<Long> storedPlanOf(String text) {
    return plans.findByContentHash(sha256(normalize(text))).map(Plan::getId);
  }

  private ImportResult importParsed(
      String normalized, ParsedPlan parsed, String importedBy, Consumer<Plan> stored) {
    String hash = sha256(normalized);
    try {
      return transaction.execute(
          status ->
              plans
                  .findByContentHash(hash)
                  .map(existing -> ImportResult.of(existing, false))
                  .orElseGet(() -> store(parsed, hash, normalized, importedBy, stored)));
    } catch (DataIntegrityViolationException e) {
      // Another import of the same text committed first: the unique hash turned us away, so return
      // that one.
      Optional<ImportResult> winner =
          transaction.execute(
              status ->
                  plans.findByContentHash(hash).map(existing -> ImportResult.of(existing, false)));
      return winner.orElseThrow(() -> e);
    }
  }

  private ImportResult store(
      ParsedPlan parsed, String hash, String text, String importedBy, Consumer<Plan> stored) {
    Plan plan =
        new Plan(
            parsed.title(),
            parsed.issuer(),
            parsed.issuedOn(),
            hash,
            text,
            clock.now(),
            importedBy);
    int chapterOrdinal = 0;
    for (Chapter chapter : parsed.chapters()) {
      PlanChapter entity = new PlanChapter(chapterOrdinal++, chapter.number(), chapter.title());
      int sectionOrdinal = 0;
      for (Section section : chapter.sections()) {
        entity
            .getSections()
            .add(new PlanSection(sectionOrdinal++, section.number(), section.title()));
      }
      plan.getChapters().add(entity);
    }
    for (ParsedTask task : parsed.tasks()) {
      plan.getTasks().add(toEntity(task));
    }
    parsed.warnings().forEach(w -> plan.getWarnings().add(new PlanWarning(w.line(), w.message())));
    Plan saved = plans.saveAndFlush(plan);
    stored.accept(saved);
    return ImportResult.of(saved, true);
  }

  private PlanTask toEntity(ParsedTask task) {
    PlanTask entity =
        new PlanTask(
            task.number(),
            task.chapter(),
            task.section(),
            task.text(),
            task.annotation(),
            task.byDivision(),
            task.needsAssignment(),
            task.line());
    addUnits(entity, Role.LEAD, task.leadUnits());
    addUnits(entity, Role.RESPONSIBLE, task.responsibleUnits());
    task.milestones()
        .forEach(m -> entity.getMilestones().add(new PlanMilestone(m.due(), m.text())));
    return entity;
  }

  private void addUnits(PlanTask task, Role role, List<String> names) {
    int ordinal = 0;
    for (String name : names) {
      UnitReference reference = directory.resolve(name);
      task.getUnits().add(new PlanTaskUnit(role, ordinal++, reference));
    }
  }

  private static List<String> unresolvedNames(Plan plan) {
    Set<String> names = new LinkedHashSet<>();
    for (PlanTask task : plan.getTasks()) {
      for (PlanTaskUnit unit : task.getUnits()) {
        if (unit.getRefType() == UnitReference.Type.UNRESOLVED) {
          names.add(unit.getWrittenName());
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * Line endings, a byte-order mark and trailing blanks do not make a different plan; line numbers
   * stay.
   */
  static String normalize(String text) {
    String unified = text.replace("\r\n", "\n").replace('\r', '\n');
    if (!unified.isEmpty() && unified.charAt(0) == '\uFEFF') {
      unified = unified.substring(1);
    }
    return unified.stripTrailing();
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
