package cn.fazhiduban.plan.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who is responsible for a task out of its unit annotation.
 *
 * <p>Shapes understood (full-width or half-width punctuation alike):
 *
 * <ul>
 *   <li>labelled: {@code 牵头单位：A、B；责任单位：C，D}, also {@code 配合单位}, {@code 协办单位}, {@code 责任部门} …, in
 *       brackets, inline after the text, or on their own lines;
 *   <li>sentences: {@code A牵头，B配合}, {@code A牵头，B按职责分工负责}, {@code A、B等有关部门按职责分工负责},
 *       {@code A负责} (read as responsible unit A with no lead unit; not "by division");
 *   <li>persons ({@code 责任领导}, {@code 分管领导}, {@code 联系人} …) are skipped, never units;
 *   <li>deadlines ({@code 完成时限} …) are handed back for milestone extraction.
 * </ul>
 *
 * <p>Unit lists split on {@code 、，,；;/} and whitespace outside brackets (so {@code 各党委（党组）} stays whole), and on
 * {@code 和/及/与} only where the part before it already ends like a unit name (局, 办, 部门, 街道办事处 …), so that
 * {@code 各街道办事处和有关部门} splits but {@code 人力资源和社会保障局} does not. The placeholders {@code 有关部门},
 * {@code 相关部门}, {@code 有关单位}, {@code 各有关部门} … all become {@link ParsedTask#TO_BE_ASSIGNED}; {@code A等有关部门}
 * gives A and the placeholder, while {@code A等部门} closes the list and gives A only.
 */
final class UnitAnnotationParser {

  enum Role { LEAD, RESPONSIBLE, PERSON, DEADLINE }

  /** What one annotation says; filled while parsing. */
  static final class Units {
    final Set<String> lead = new LinkedHashSet<>();
    final Set<String> responsible = new LinkedHashSet<>();
    /** The annotation says 按职责分工负责 or 分别负责. */
    boolean divisionPhrase;
    final List<String> deadlines = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    boolean hasUnits() {
      return !lead.isEmpty() || !responsible.isEmpty();
    }
  }

  /** An annotation found in a task's text: it starts at {@code start} (its bracket, if any) and reads {@code content}. */
  record Found(int start, String content) {}

  private static final Map<String, Role> KNOWN_LABELS = Map.ofEntries(
      Map.entry("牵头单位", Role.LEAD), Map.entry("牵头部门", Role.LEAD), Map.entry("主责单位", Role.LEAD),
      Map.entry("主责部门", Role.LEAD), Map.entry("主办单位", Role.LEAD), Map.entry("牵头责任单位", Role.LEAD),
      Map.entry("牵头", Role.LEAD), Map.entry("主责", Role.LEAD),
      Map.entry("责任单位", Role.RESPONSIBLE), Map.entry("责任部门", Role.RESPONSIBLE),
      Map.entry("配合单位", Role.RESPONSIBLE), Map.entry("配合部门", Role.RESPONSIBLE),
      Map.entry("协办单位", Role.RESPONSIBLE), Map.entry("协办部门", Role.RESPONSIBLE),
      Map.entry("参与单位", Role.RESPONSIBLE), Map.entry("协同单位", Role.RESPONSIBLE),
      Map.entry("协助单位", Role.RESPONSIBLE), Map.entry("实施单位", Role.RESPONSIBLE),
      Map.entry("配合", Role.RESPONSIBLE), Map.entry("责任", Role.RESPONSIBLE), Map.entry("协办", Role.RESPONSIBLE),
      Map.entry("参与", Role.RESPONSIBLE),
      Map.entry("责任领导", Role.PERSON), Map.entry("分管领导", Role.PERSON), Map.entry("牵头领导", Role.PERSON),
      Map.entry("联系领导", Role.PERSON), Map.entry("分管区领导", Role.PERSON), Map.entry("牵头区领导", Role.PERSON),
      Map.entry("责任人", Role.PERSON), Map.entry("联系人", Role.PERSON), Map.entry("联络员", Role.PERSON),
      Map.entry("完成时限", Role.DEADLINE), Map.entry("完成时间", Role.DEADLINE), Map.entry("时间节点", Role.DEADLINE),
      Map.entry("完成期限", Role.DEADLINE), Map.entry("时限", Role.DEADLINE), Map.entry("时间安排", Role.DEADLINE));

  /** Known labels of three or more characters are distinctive enough to be found anywhere. */
  private static final Pattern LONG_KNOWN_LABEL = Pattern.compile("(" + String.join("|",
      KNOWN_LABELS.keySet().stream().filter(l -> l.length() >= 3)
          .sorted(Comparator.comparing(String::length).reversed()).toList()) + ")\\s*[：:]");

  /** Any label, but only where one can start: at the beginning or after a separator. */
  private static final Pattern ANY_LABEL =
      Pattern.compile("(?:^|(?<=[；;，,。、\\s]))(\\p{IsHan}{2,8}?)\\s*[：:]");

  /** The role phrase that ends a sentence clause such as {@code 区司法局牵头} or {@code 有关部门按职责分工负责}. */
  private static final Pattern ROLE_CLAUSE = Pattern.compile("^(.*?)(按照?职责分工负责|按照?职能职责分工负责|按照?职责分工落实"
      + "|按照?职责负责|按照?职能分工负责|根据职责分工负责|分别负责|共同负责|牵头负责|牵头落实|牵头|配合落实|配合|协助|协同|协办|参与"
      + "|具体负责|负责落实|负责)$");

  private static final Pattern DIVISION_PHRASE = Pattern.compile("职责|职能|分别负责");

  /** A name ends like a unit (the part in brackets, as in 各党委（党组）, does not count). */
  private static final Pattern UNIT_END = Pattern.compile("(?:局|办|委|部|院|处|中心|室|街道|镇|乡|政府|公司|单位|部门|队|所|站"
      + "|会|团|社|馆|校|组|厅|署|庭|区|司|行|科|股|机构|组织|企业)(?:[（(][^）)]*[）)])?$");

  /** Words that start a sentence of work, not a unit name; guards the inline-sentence guess. */
  private static final Pattern VERB_START = Pattern.compile("^(?:推动|加强|建立|完善|健全|落实|推进|强化|开展|实行|实现|确保|促进|指导"
      + "|组织|督促|支持|鼓励|引导|发挥|提高|提升|做好|抓好|深化|探索|严格|全面|积极|依法|加快|进一步)");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("^(.*?)(?:等)?(?:各|其他|其它|其余)?(?:有关|相关)(?:部门|单位)$");
  private static final Pattern CLOSED_LIST = Pattern.compile("^(.+?)等(?:部门|单位|各部门|各单位)?$");

  private static final String LIST_SEPARATORS = "、，,；;/／ \t\u3000";
  private static final String CLAUSE_SEPARATORS = "，,；;。";
  private static final String SENTENCE_END = "。；;！!？?";
  private static final String TRAILING_PUNCTUATION = "。．.；;，,、！!？?";

  /** Finds the unit annotation of a task: a bracket at its end, an inline label, or an inline unit sentence. */
  Optional<Found> find(String text) {
    return bracketAtEnd(text).or(() -> inlineLabel(text)).or(() -> inlineSentence(text));
  }

  /** Whether a bracket's content is a unit annotation rather than, say, {@code （试行）}. */
  boolean isAnnotation(String content) {
    for (Label label : labels(content)) {
      Role role = roleOf(label.name());
      if (role == Role.LEAD || role == Role.RESPONSIBLE || role == Role.PERSON || isUnitLabel(label.name())) {
        return true;
      }
    }
    Units units = new Units();
    return parseSentence(content, units)
        && units.problems.isEmpty()
        && allUnits(units).stream().allMatch(u -> u.length() <= 30);
  }

  /** Whether a whole line is a labelled unit line such as {@code 责任单位：各街道}. */
  boolean isLabelLine(String line) {
    Matcher m = ANY_LABEL.matcher(line);
    if (!m.lookingAt()) {
      return false;
    }
    String label = m.group(1);
    return roleOf(label) != null || isUnitLabel(label) || isPersonLabel(label);
  }

  /** Parses an annotation's content (without brackets) into {@code units}. */
  void parse(String content, Units units) {
    List<Label> labels = labels(content);
    if (labels.isEmpty()) {
      if (!parseSentence(content, units) && !units.hasUnits()) {
        units.problems.add("无法识别单位标注「" + content + "」");
      }
      return;
    }
    String before = Texts.clean(content.substring(0, labels.get(0).start()));
    if (!Texts.stripTrailing(before, TRAILING_PUNCTUATION).isEmpty()) {
      parseSentence(before, units);
    }
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      int end = i + 1 < labels.size() ? labels.get(i + 1).start() : content.length();
      applyLabel(label.name(), content.substring(label.end(), end), units);
    }
  }

  // ---------------------------------------------------------------- finding

  private Optional<Found> bracketAtEnd(String text) {
    String t = Texts.stripTrailing(text, TRAILING_PUNCTUATION);
    if (t.isEmpty() || Texts.CLOSE.indexOf(t.charAt(t.length() - 1)) < 0) {
      return Optional.empty();
    }
    int depth = 0;
    for (int i = t.length() - 1; i >= 0; i--) {
      char c = t.charAt(i);
      if (Texts.CLOSE.indexOf(c) >= 0) {
        depth++;
      } else if (Texts.OPEN.indexOf(c) >= 0 && --depth == 0) {
        String content = Texts.clean(t.substring(i + 1, t.length() - 1));
        return isAnnotation(content) ? Optional.of(new Found(i, content)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<Found> inlineLabel(String text) {
    Matcher m = LONG_KNOWN_LABEL.matcher(text);
    while (m.find()) {
      if (roleOf(m.group(1)) != Role.DEADLINE) {
        return Optional.of(new Found(m.start(), Texts.stripTrailing(text.substring(m.start()), TRAILING_PUNCTUATION)));
      }
    }
    return Optional.empty();
  }

  /**
   * The longest run of clauses at the end of the last sentence that reads as unit sentences ({@code 区司法局牵头，各街道配合}),
   * where every unit looks like a unit name. Stricter than inside brackets, because here it competes with task text.
   */
  private Optional<Found> inlineSentence(String text) {
    String t = Texts.stripTrailing(text, TRAILING_PUNCTUATION);
    int sentenceStart = 0;
    for (int i = t.length() - 1; i >= 0; i--) {
      if (SENTENCE_END.indexOf(t.charAt(i)) >= 0) {
        sentenceStart = i + 1;
        break;
      }
    }
    List<Integer> clauseStarts = new ArrayList<>();
    clauseStarts.add(sentenceStart);
    for (int i = sentenceStart; i < t.length(); i++) {
      if (t.charAt(i) == '，' || t.charAt(i) == ',') {
        clauseStarts.add(i + 1);
      }
    }
    for (int start : clauseStarts) {
      if (start == 0) {
        continue; // the whole text would be units and no task would be left
      }
      String candidate = Texts.clean(t.substring(start));
      if (!candidate.isEmpty() && readsAsInlineUnits(candidate)) {
        return Optional.of(new Found(start, candidate));
      }
    }
    return Optional.empty();
  }

  private boolean readsAsInlineUnits(String candidate) {
    Units units = new Units();
    if (candidate.length() > 120 || !parseSentence(candidate, units) || !units.problems.isEmpty()) {
      return false;
    }
    return allUnits(units).stream().allMatch(u -> u.equals(ParsedTask.TO_BE_ASSIGNED)
        || (u.length() <= 25 && UNIT_END.matcher(u).find() && !VERB_START.matcher(u).find()));
  }

  // ---------------------------------------------------------------- labels

  private record Label(String name, int start, int end) {}

  private List<Label> labels(String content) {
    List<Label> found = new ArrayList<>();
    Matcher known = LONG_KNOWN_LABEL.matcher(content);
    while (known.find()) {
      found.add(new Label(known.group(1), known.start(), known.end()));
    }
    Matcher any = ANY_LABEL.matcher(content);
    while (any.find()) {
      int start = any.start(1);
      boolean overlaps = found.stream().anyMatch(l -> start < l.end() && any.end() > l.start());
      if (!overlaps && insideNoBracket(content, start)) {
        found.add(new Label(any.group(1), start, any.end()));
      }
    }
    found.sort(Comparator.comparingInt(Label::start));
    return found;
  }

  private static boolean insideNoBracket(String s, int index) {
    int depth = 0;
    for (int i = 0; i < index; i++) {
      if (Texts.OPEN.indexOf(s.charAt(i)) >= 0) {
        depth++;
      } else if (Texts.CLOSE.indexOf(s.charAt(i)) >= 0 && depth > 0) {
        depth--;
      }
    }
    return depth == 0;
  }

  static Role roleOf(String label) {
    return KNOWN_LABELS.get(label);
  }

  private static boolean isUnitLabel(String label) {
    return label.endsWith("单位") || label.endsWith("部门");
  }

  private static boolean isPersonLabel(String label) {
    return label.endsWith("领导") || label.endsWith("负责人") || label.endsWith("责任人") || label.endsWith("联系人");
  }

  private void applyLabel(String label, String value, Units units) {
    Role role = roleOf(label);
    if (role == null) {
      if (isUnitLabel(label)) {
        units.problems.add("未识别的单位标签「" + label + "」，已按责任单位处理");
        role = Role.RESPONSIBLE;
      } else if (isPersonLabel(label)) {
        role = Role.PERSON;
      } else {
        units.problems.add("未识别的标签「" + label + "」，其内容已忽略");
        return;
      }
    }
    switch (role) {
      case LEAD, RESPONSIBLE -> addUnits(value, role, units);
      case DEADLINE -> {
        String deadline = Texts.stripTrailing(value, TRAILING_PUNCTUATION);
        if (!deadline.isEmpty()) {
          units.deadlines.add(deadline);
        }
      }
      case PERSON -> { } // a person's name is never a unit
    }
  }

  /**
   * A labelled list. Its units take the label's role, unless a clause says otherwise: {@code 责任单位：A牵头，B配合} makes
   * A a lead unit; a closing {@code 按职责分工负责} is remembered.
   */
  private void addUnits(String value, Role role, Units units) {
    readClauses(Texts.stripTrailing(value, TRAILING_PUNCTUATION), role, units);
  }

  // ---------------------------------------------------------------- sentences

  /**
   * Reads clauses like {@code A牵头，B、C配合}. A clause without a role phrase lends its units to the next clause that has
   * one ({@code A等有关部门，B按职责分工负责}). Returns whether every clause found a role and some unit was named.
   */
  private boolean parseSentence(String content, Units units) {
    return readClauses(content, null, units);
  }

  /**
   * Reads clauses, each ending in a role phrase or not. 牵头 makes lead units, 配合/协助/参与 responsible ones; 负责 and
   * 按职责分工负责 give the label's role ({@code labelRole}), or responsible without a label. Units of a clause without
   * a phrase take the label's role; without a label they wait for the next clause with a phrase.
   */
  private boolean readClauses(String content, Role labelRole, Units units) {
    List<String> pending = new ArrayList<>();
    boolean anyUnit = false;
    for (String clause : Texts.splitOutsideBrackets(content, CLAUSE_SEPARATORS)) {
      String c = clause.startsWith("由") ? clause.substring(1) : clause;
      Matcher m = ROLE_CLAUSE.matcher(c);
      if (!m.matches()) {
        if (labelRole != null) {
          anyUnit |= add(splitUnits(c), labelRole, units);
        } else {
          pending.addAll(splitUnits(c));
        }
        continue;
      }
      List<String> names = new ArrayList<>(pending);
      names.addAll(splitUnits(m.group(1)));
      pending.clear();
      String phrase = m.group(2);
      units.divisionPhrase |= DIVISION_PHRASE.matcher(phrase).find();
      anyUnit |= add(names, roleOfPhrase(phrase, labelRole), units);
    }
    if (!pending.isEmpty()) {
      units.responsible.addAll(pending);
      units.problems.add("无法判断「" + String.join("、", pending) + "」是牵头单位还是责任单位，已按责任单位处理");
      return false;
    }
    return anyUnit;
  }

  private static Role roleOfPhrase(String phrase, Role labelRole) {
    if (phrase.startsWith("牵头")) {
      return Role.LEAD;
    }
    if (phrase.contains("负责") || phrase.contains("落实")) {
      return labelRole == Role.LEAD ? Role.LEAD : Role.RESPONSIBLE;
    }
    return Role.RESPONSIBLE; // 配合, 协助, 协同, 协办, 参与
  }

  private static boolean add(List<String> names, Role role, Units units) {
    (role == Role.LEAD ? units.lead : units.responsible).addAll(names);
    return !names.isEmpty();
  }

  // ---------------------------------------------------------------- unit lists

  /** Splits a list of unit names and reads the 等/有关部门 endings. */
  static List<String> splitUnits(String list) {
    Set<String> names = new LinkedHashSet<>();
    String trimmed = Texts.stripTrailing(list, TRAILING_PUNCTUATION);
    for (String item : Texts.splitOutsideBrackets(trimmed, LIST_SEPARATORS)) {
      for (String piece : splitConjunctions(item)) {
        addUnit(piece, names);
      }
    }
    return List.copyOf(names);
  }

  private static void addUnit(String piece, Set<String> names) {
    String name = Texts.clean(piece.replaceFirst("^(?:由|以及|及|和|与)", ""));
    if (name.isEmpty()) {
      return;
    }
    Matcher placeholder = PLACEHOLDER.matcher(name);
    if (placeholder.matches()) {
      String before = Texts.stripTrailing(placeholder.group(1), "等");
      if (!before.isEmpty()) {
        names.add(before);
      }
      names.add(ParsedTask.TO_BE_ASSIGNED);
      return;
    }
    Matcher closed = CLOSED_LIST.matcher(name);
    names.add(closed.matches() ? closed.group(1) : name);
  }

  /** Splits on 和/及/与/以及 only where the text before already ends like a unit name. */
  private static List<String> splitConjunctions(String item) {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    int depth = 0;
    for (int i = 0; i < item.length(); i++) {
      char c = item.charAt(i);
      if (Texts.OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (Texts.CLOSE.indexOf(c) >= 0 && depth > 0) {
        depth--;
      }
      if (depth > 0 || (c != '和' && c != '及' && c != '与')) {
        continue;
      }
      int leftEnd = c == '及' && i > from && item.charAt(i - 1) == '以' ? i - 1 : i;
      String left = item.substring(from, leftEnd);
      if (item.length() - i - 1 >= 2 && UNIT_END.matcher(left).find()) {
        pieces.add(left);
        from = i + 1;
      }
    }
    pieces.add(item.substring(from));
    return pieces;
  }

  private static List<String> allUnits(Units units) {
    List<String> all = new ArrayList<>(units.lead);
    all.addAll(units.responsible);
    return all;
  }
}
