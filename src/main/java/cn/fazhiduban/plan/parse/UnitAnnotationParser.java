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
 *   <li>sentences: {@code A牵头，B配合}, {@code A牵头，B按职责分工负责}, {@code A、B等有关部门按职责分工负责}, {@code A会同B办理}
 *       (A leads, B is responsible), {@code A、B共同负责} (both lead), {@code A牵头，B、C各负其责}, {@code
 *       A牵头，有关部门参与}; {@code A负责} without a label makes A the lead unit, which then also reports (a
 *       task that names only lead units is done by them), unless another clause names a 牵头 unit;
 *   <li>bare lists without any verb ({@code A、B，各部门}, {@code A、B及相关部门}), in brackets only: the
 *       first named unit leads and the others are responsible, unless the plan says that its lists
 *       name no lead unit (then all are responsible);
 *   <li>the phrases 按职责分工负责, 按职责分工分别负责, 分别负责, 各负其责 and 参与 are never part of a name, wherever they
 *       stand (also in brackets after a name);
 *   <li>persons ({@code 责任领导}, {@code 分管领导}, {@code 联系人} …) are skipped, never units;
 *   <li>deadlines ({@code 完成时限} …) are handed back for milestone extraction.
 * </ul>
 *
 * <p>Unit lists split on {@code 、，,；;/} and whitespace outside brackets (so {@code 各党委（党组）} stays
 * whole), and on {@code 和/及/与} only where the part before it already ends like a unit name (局, 办,
 * 部门, 街道办事处 …), so that {@code 各街道办事处和有关部门} splits but {@code 人力资源和社会保障局} does not. Spaces split
 * only after a name ({@code 区司法局 区法院}). Collective names stay whole: {@code 县（区）政府}, {@code
 * 各县、市、区政府}, {@code 各乡镇人民政府}. The placeholders {@code 有关部门}, {@code 相关部门}, {@code 有关单位}, {@code
 * 各有关部门}, and the collectives that mean the relevant departments of some level ({@code 市政府相关部门},
 * {@code 区级有关部门}), all become {@link ParsedTask#TO_BE_ASSIGNED}; {@code A等有关部门} gives A and the
 * placeholder, while {@code A等部门} closes the list and gives A only.
 *
 * <p>Every step is linear in the length of its input: {@link #find} looks only at the end of a
 * task's text, and lists and labels are read in one pass.
 */
final class UnitAnnotationParser {

  enum Role {
    LEAD,
    RESPONSIBLE,
    PERSON,
    DEADLINE
  }

  /** What one annotation says; filled while parsing. */
  static final class Units {
    final Set<String> lead = new LinkedHashSet<>();
    final Set<String> responsible = new LinkedHashSet<>();

    /** The annotation says 按职责分工负责 or 分别负责. */
    boolean divisionPhrase;

    final List<String> deadlines = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /**
     * A bare list's first unit leads (the default); false when the plan says its lists name no lead
     * unit.
     */
    boolean bareListLeads = true;

    final ParseDeadline deadline;

    /** Units named with a plain 负责 (no label, no 牵头 elsewhere): they lead. */
    private final Set<String> plainDuty = new LinkedHashSet<>();

    private boolean leadByVerb;

    /** Some unit was named only to support (配合, 协助, 参与, 配合单位：…): the plan means a lead unit. */
    boolean supporting;

    Units() {
      this(ParseDeadline.NONE);
    }

    Units(ParseDeadline deadline) {
      this.deadline = deadline;
    }

    boolean hasUnits() {
      return !lead.isEmpty() || !responsible.isEmpty();
    }
  }

  /**
   * An annotation found in a task's text: it starts at {@code start} (its bracket, if any) and
   * reads {@code content}.
   */
  record Found(int start, String content) {}

  private static final Map<String, Role> KNOWN_LABELS =
      Map.ofEntries(
          Map.entry("牵头单位", Role.LEAD),
          Map.entry("牵头部门", Role.LEAD),
          Map.entry("主责单位", Role.LEAD),
          Map.entry("主责部门", Role.LEAD),
          Map.entry("主办单位", Role.LEAD),
          Map.entry("牵头责任单位", Role.LEAD),
          Map.entry("牵头", Role.LEAD),
          Map.entry("主责", Role.LEAD),
          Map.entry("责任单位", Role.RESPONSIBLE),
          Map.entry("责任部门", Role.RESPONSIBLE),
          Map.entry("配合单位", Role.RESPONSIBLE),
          Map.entry("配合部门", Role.RESPONSIBLE),
          Map.entry("协办单位", Role.RESPONSIBLE),
          Map.entry("协办部门", Role.RESPONSIBLE),
          Map.entry("参与单位", Role.RESPONSIBLE),
          Map.entry("协同单位", Role.RESPONSIBLE),
          Map.entry("协助单位", Role.RESPONSIBLE),
          Map.entry("实施单位", Role.RESPONSIBLE),
          Map.entry("配合", Role.RESPONSIBLE),
          Map.entry("责任", Role.RESPONSIBLE),
          Map.entry("协办", Role.RESPONSIBLE),
          Map.entry("参与", Role.RESPONSIBLE),
          Map.entry("责任领导", Role.PERSON),
          Map.entry("分管领导", Role.PERSON),
          Map.entry("牵头领导", Role.PERSON),
          Map.entry("联系领导", Role.PERSON),
          Map.entry("分管区领导", Role.PERSON),
          Map.entry("牵头区领导", Role.PERSON),
          Map.entry("责任人", Role.PERSON),
          Map.entry("联系人", Role.PERSON),
          Map.entry("联络员", Role.PERSON),
          Map.entry("完成时限", Role.DEADLINE),
          Map.entry("完成时间", Role.DEADLINE),
          Map.entry("时间节点", Role.DEADLINE),
          Map.entry("完成期限", Role.DEADLINE),
          Map.entry("时限", Role.DEADLINE),
          Map.entry("时间安排", Role.DEADLINE));

  /** Known labels of three or more characters are distinctive enough to be found anywhere. */
  private static final Pattern LONG_KNOWN_LABEL =
      Pattern.compile(
          "("
              + String.join(
                  "|",
                  KNOWN_LABELS.keySet().stream()
                      .filter(l -> l.length() >= 3)
                      .sorted(Comparator.comparing(String::length).reversed())
                      .toList())
              + ")\\s*[：:]");

  /** Any label, but only where one can start: at the beginning or after a separator. */
  private static final Pattern ANY_LABEL =
      Pattern.compile("(?:^|(?<=[；;，,。、\\s]))(\\p{IsHan}{2,8}?)\\s*[：:]");

  /** The role phrase that ends a sentence clause such as {@code 区司法局牵头} or {@code 有关部门按职责分工负责}. */
  private static final Pattern ROLE_CLAUSE =
      Pattern.compile(
          "^(.*?)(按照?职责分工分别负责|按照?职责分工负责|按照?职能职责分工负责"
              + "|按照?职责分工落实|按照?职责负责|按照?职能分工负责|根据职责分工负责|分别负责|各负其责|共同负责|共同牵头|分别牵头|牵头负责"
              + "|牵头落实|牵头|配合落实|积极配合|配合|协助|协同|协办|共同参与|参与|具体负责|负责落实|主责|负责)"
              + "(?:并?抓好落实|落实|推进|实施|办理)?$");

  /** {@code A会同B办理}: A leads, B is responsible. */
  private static final Pattern JOINTLY =
      Pattern.compile("^(.+?)会同(.+?)(?:共同)?(?:研究办理|办理|负责|落实|实施|推进|完成|承办)?$");

  /**
   * A role phrase in brackets after a name ({@code 各街道（按职责分工负责）}) is read as if it stood outside
   * them.
   */
  private static final Pattern BRACKETED_PHRASE =
      Pattern.compile("[（(]\\s*(按照?职责分工分别负责|按照?职责分工负责|分别负责|各负其责|参与|配合|牵头)\\s*[）)]");

  private static final Pattern DIVISION_PHRASE = Pattern.compile("职责|职能|分别负责|各负其责");

  /** Words that start a sentence of work, not a unit name; guards the inline-sentence guess. */
  private static final Pattern VERB_START =
      Pattern.compile(
          "^(?:推动|加强|建立|完善|健全|落实|推进|强化|开展|实行|实现|确保|促进|指导"
              + "|组织|督促|支持|鼓励|引导|发挥|提高|提升|做好|抓好|深化|探索|严格|全面|积极|依法|加快|进一步)");

  /** Bracket contents that explain, not name units: {@code 含街道、社区}, {@code 以下简称…}. */
  private static final Pattern NOT_A_LIST =
      Pattern.compile("^(?:含|包括|包含|不含|以下|简称|即|如|其中|除|详见|见|试行|暂行|\\d)");

  /** {@code A等有关部门}: A and the placeholder. */
  private static final Pattern LISTED_PLACEHOLDER =
      Pattern.compile("^(.+?)等(?:各|其他|其它|其余)?(?:有关|相关)(?:部门|单位)$");

  /** {@code 有关部门}, {@code 各相关单位}, and collectives such as {@code 市政府相关部门} or {@code 区级有关部门}. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("^[^、，,]{0,10}?(?:各|其他|其它|其余)?(?:有关|相关)(?:部门|单位)$");

  private static final Pattern CLOSED_LIST = Pattern.compile("^(.+?)等(?:部门|单位|各部门|各单位)?$");

  /** {@code 各县、市、区政府}: administrative levels listed with 、 inside one collective name. */
  private static final Pattern LEVELS = Pattern.compile("各[县市区乡镇旗](?:、[县市区乡镇旗])+(?=\\p{IsHan})");

  private static final char PROTECTED_COMMA = '\uE000';
  private static final Pattern CLAUSE_START = Pattern.compile("^(?:均由|由|请|并|及|和)");
  private static final Pattern UNIT_START = Pattern.compile("^(?:由|以及|及|和|与)");

  /** Role phrases glued to a name inside a list: they are never part of it. */
  private static final Pattern NAME_SUFFIX =
      Pattern.compile("(?:按照?职责分工分别负责|按照?职责分工负责|分别负责|各负其责|共同参与|参与|配合)$");

  private static final String LIST_SEPARATORS = "、，,；;/／ \t\u3000";
  private static final String CLAUSE_SEPARATORS = "，,；;。";
  private static final String SENTENCE_END = "。；;！!？?";
  private static final String TRAILING_PUNCTUATION = "。．.；;，,、！!？?";

  /**
   * An annotation is at the end of a task; longer ones are no annotations, so only this much of the
   * end is read.
   */
  static final int WINDOW = 3000;

  /**
   * Finds the unit annotation of a task: a bracket at its end, an inline label, or an inline unit
   * sentence. Only the last {@link #WINDOW} characters are looked at, so that reading a task line
   * by line stays linear.
   */
  Optional<Found> find(CharSequence text) {
    int offset = Math.max(0, text.length() - WINDOW);
    String tail = text.subSequence(offset, text.length()).toString();
    return bracketAtEnd(tail)
        .or(() -> inlineLabel(tail))
        .or(() -> inlineSentence(tail, offset == 0))
        .map(f -> new Found(f.start() + offset, f.content()));
  }

  /**
   * The content of a bracket at the end of a task that speaks of units (牵头, 负责, 单位 …) but was not
   * understood as an annotation; quoted in a warning.
   */
  Optional<String> unreadAnnotation(String text) {
    String t =
        Texts.stripTrailing(
            text.length() > WINDOW ? text.substring(text.length() - WINDOW) : text,
            TRAILING_PUNCTUATION);
    if (t.isEmpty() || Texts.CLOSE.indexOf(t.charAt(t.length() - 1)) < 0) {
      return Optional.empty();
    }
    int open = matchingOpen(t);
    if (open < 0) {
      return Optional.empty();
    }
    String content = Texts.clean(t.substring(open + 1, t.length() - 1));
    return UNIT_WORDS.matcher(content).find() ? Optional.of(content) : Optional.empty();
  }

  private static final Pattern UNIT_WORDS = Pattern.compile("牵头|负责|配合|会同|参与|单位|部门");

  private static int matchingOpen(String t) {
    int depth = 0;
    for (int i = t.length() - 1; i >= 0; i--) {
      char c = t.charAt(i);
      if (Texts.CLOSE.indexOf(c) >= 0) {
        depth++;
      } else if (Texts.OPEN.indexOf(c) >= 0 && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a bracket's content is a unit annotation rather than, say, {@code （试行）}. */
  boolean isAnnotation(String content) {
    for (Label label : labels(content)) {
      Role role = roleOf(label.name());
      if (role == Role.LEAD
          || role == Role.RESPONSIBLE
          || role == Role.PERSON
          || isUnitLabel(label.name())) {
        return true;
      }
    }
    Units units = new Units();
    if (parseSentence(content, units)
        && units.problems.isEmpty()
        && allUnits(units).stream().allMatch(u -> u.length() <= 30)) {
      return true;
    }
    return bareList(content).isPresent();
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
  void parse(String written, Units units) {
    String content = normalize(written);
    List<Label> labels = labels(content);
    if (labels.isEmpty()) {
      Optional<List<String>> bare = bareList(content);
      if (bare.isPresent()) {
        List<String> names = bare.get();
        int leads = units.bareListLeads ? 1 : 0;
        units.lead.addAll(names.subList(0, leads));
        units.responsible.addAll(names.subList(leads, names.size()));
        units.responsible.removeAll(units.lead);
        return;
      }
      if (!parseSentence(content, units) && !units.hasUnits()) {
        units.problems.add("无法识别单位标注「" + Texts.limit(written, 200) + "」");
      }
      settlePlainDuty(units);
      return;
    }
    String before = Texts.clean(content.substring(0, labels.get(0).start()));
    if (!Texts.stripTrailing(before, TRAILING_PUNCTUATION).isEmpty()) {
      parseSentence(before, units);
    }
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      int end = i + 1 < labels.size() ? labels.get(i + 1).start() : content.length();
      units.deadline.check();
      applyLabel(label.name(), content.substring(label.end(), end), units);
    }
    settlePlainDuty(units);
  }

  /** Broken words joined, and a role phrase in brackets after a name taken out of them. */
  private static String normalize(String content) {
    String joined = Texts.joinBrokenWords(content);
    return joined.indexOf('（') < 0 && joined.indexOf('(') < 0
        ? joined
        : BRACKETED_PHRASE.matcher(joined).replaceAll("$1");
  }

  /** {@code A负责} leads, unless a 牵头 clause named the lead; then A is responsible. */
  private static void settlePlainDuty(Units units) {
    if (units.plainDuty.isEmpty()) {
      return;
    }
    if (units.leadByVerb) {
      units.responsible.addAll(units.plainDuty);
    } else {
      units.lead.addAll(units.plainDuty);
    }
    units.plainDuty.clear();
  }

  /**
   * A list of unit names with no verb and no label ({@code A、B，各部门}, {@code A、B及相关部门}): every name
   * looks like a unit, and there are at least two, or one that is no placeholder. Empty when the
   * content is anything else.
   */
  private Optional<List<String>> bareList(String content) {
    String c = Texts.stripTrailing(Texts.joinBrokenWords(content), TRAILING_PUNCTUATION);
    if (c.isEmpty()
        || c.length() > 300
        || NOT_A_LIST.matcher(c).find()
        || ROLE_WORDS.matcher(c).find()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String clause : Texts.splitOutsideBrackets(c, CLAUSE_SEPARATORS)) {
      for (String name : splitUnits(clause)) {
        if (!looksLikeUnit(name)) {
          return Optional.empty();
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    boolean named = names.stream().anyMatch(n -> !n.equals(ParsedTask.TO_BE_ASSIGNED));
    return named && names.get(0).equals(ParsedTask.TO_BE_ASSIGNED)
        ? Optional.empty()
        : named ? Optional.of(List.copyOf(names)) : Optional.empty();
  }

  private static final Pattern ROLE_WORDS = Pattern.compile("牵头|负责|配合|协助|协同|协办|参与|会同|主责|落实|：|:");

  private static boolean looksLikeUnit(String name) {
    return name.equals(ParsedTask.TO_BE_ASSIGNED)
        || (name.length() <= 25
            && UnitNames.endsLikeUnit(name)
            && !VERB_START.matcher(name).find()
            && !NOT_A_LIST.matcher(name).find());
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
        return Optional.of(
            new Found(
                m.start(), Texts.stripTrailing(text.substring(m.start()), TRAILING_PUNCTUATION)));
      }
    }
    return Optional.empty();
  }

  /**
   * The longest run of clauses at the end of the last sentence that reads as unit sentences ({@code
   * 区司法局牵头，各街道配合}), where every unit looks like a unit name. Stricter than inside brackets, because
   * here it competes with task text.
   */
  private Optional<Found> inlineSentence(String text, boolean atStartOfTask) {
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
      if ((start == 0 && atStartOfTask) || t.length() - start > MAX_INLINE + 10) {
        continue; // the whole text would be units and no task would be left; or too long to be
        // units
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
    if (candidate.length() > MAX_INLINE
        || !parseSentence(candidate, units)
        || !units.problems.isEmpty()) {
      return false;
    }
    settlePlainDuty(units);
    return allUnits(units).stream()
        .allMatch(
            u ->
                u.equals(ParsedTask.TO_BE_ASSIGNED)
                    || (u.length() <= 25
                        && UnitNames.endsLikeUnit(u)
                        && !VERB_START.matcher(u).find()));
  }

  private static final int MAX_INLINE = 120;

  /**
   * The last characters of the role phrases (and their 落实/推进/实施/办理 tails): a clause ending
   * otherwise has none.
   */
  private static final String ROLE_END = "头责合助同办与实进施理";

  private static final Pattern SUPPORTING = Pattern.compile("配合|协助|协同|协办|参与");

  /** Characters that can end an annotation: a role phrase's last character, or a bracket. */
  private static final String ANNOTATION_END = ROLE_END + Texts.CLOSE;

  /**
   * Whether appending {@code line} to a task's text may have completed its annotation: the line has
   * a label, or ends (before punctuation) in a bracket or a role phrase's last character. A cheap
   * test that spares re-reading the task.
   */
  static boolean mayEndAnnotation(String line) {
    String t = Texts.stripTrailing(line, TRAILING_PUNCTUATION);
    return !t.isEmpty()
        && (ANNOTATION_END.indexOf(t.charAt(t.length() - 1)) >= 0
            || t.indexOf('：') >= 0
            || t.indexOf(':') >= 0);
  }

  // ---------------------------------------------------------------- labels

  private record Label(String name, int start, int end) {}

  /**
   * Known labels, then other labels that overlap none of them and stand outside brackets; in one
   * pass each.
   */
  private List<Label> labels(String content) {
    List<Label> known = new ArrayList<>();
    Matcher k = LONG_KNOWN_LABEL.matcher(content);
    while (k.find()) {
      known.add(new Label(k.group(1), k.start(), k.end()));
    }
    int[] depth = bracketDepths(content);
    List<Label> found = new ArrayList<>(known);
    Matcher any = ANY_LABEL.matcher(content);
    int next = 0; // the first known label that may still overlap: both lists run from left to right
    while (any.find()) {
      int start = any.start(1);
      int end = any.end();
      while (next < known.size() && known.get(next).end() <= start) {
        next++;
      }
      boolean overlaps = next < known.size() && known.get(next).start() < end;
      if (!overlaps && depth[start] == 0) {
        found.add(new Label(any.group(1), start, end));
      }
    }
    found.sort(Comparator.comparingInt(Label::start));
    return found;
  }

  /** The bracket depth before every index of {@code s}. */
  private static int[] bracketDepths(String s) {
    int[] depths = new int[s.length() + 1];
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      depths[i] = depth;
      char c = s.charAt(i);
      if (Texts.OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (Texts.CLOSE.indexOf(c) >= 0 && depth > 0) {
        depth--;
      }
    }
    depths[s.length()] = depth;
    return depths;
  }

  static Role roleOf(String label) {
    return KNOWN_LABELS.get(label);
  }

  private static boolean isUnitLabel(String label) {
    return label.endsWith("单位") || label.endsWith("部门");
  }

  private static boolean isPersonLabel(String label) {
    return label.endsWith("领导")
        || label.endsWith("负责人")
        || label.endsWith("责任人")
        || label.endsWith("联系人");
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
      case LEAD, RESPONSIBLE -> {
        int before = units.responsible.size();
        addUnits(value, role, units);
        units.supporting |= SUPPORTING.matcher(label).find() && units.responsible.size() > before;
      }
      case DEADLINE -> {
        String deadline = Texts.stripTrailing(value, TRAILING_PUNCTUATION);
        if (!deadline.isEmpty()) {
          units.deadlines.add(deadline);
        }
      }
      case PERSON -> {} // a person's name is never a unit
    }
  }

  /**
   * A labelled list. Its units take the label's role, unless a clause says otherwise: {@code
   * 责任单位：A牵头，B配合} makes A a lead unit; a closing {@code 按职责分工负责} is remembered.
   */
  private void addUnits(String value, Role role, Units units) {
    readClauses(Texts.stripTrailing(value, TRAILING_PUNCTUATION), role, units);
  }

  // ---------------------------------------------------------------- sentences

  /**
   * Reads clauses like {@code A牵头，B、C配合}. A clause without a role phrase lends its units to the
   * next clause that has one ({@code A等有关部门，B按职责分工负责}). Returns whether every clause found a role
   * and some unit was named.
   */
  private boolean parseSentence(String content, Units units) {
    return readClauses(content, null, units);
  }

  /**
   * Reads clauses, each ending in a role phrase or not. 牵头 makes lead units, 配合/协助/参与 responsible
   * ones; 负责 and 按职责分工负责 give the label's role ({@code labelRole}), or responsible without a label.
   * Units of a clause without a phrase take the label's role; without a label they wait for the
   * next clause with a phrase.
   */
  private boolean readClauses(String content, Role labelRole, Units units) {
    List<String> pending = new ArrayList<>();
    boolean anyUnit = false;
    for (String clause : Texts.splitOutsideBrackets(content, CLAUSE_SEPARATORS)) {
      units.deadline.check();
      String c =
          "均由请并及和".indexOf(clause.charAt(0)) >= 0
              ? CLAUSE_START.matcher(clause).replaceFirst("")
              : clause;
      Matcher jointly = JOINTLY.matcher(c);
      if (c.contains("会同") && jointly.matches() && !jointly.group(2).isBlank()) {
        List<String> leads = new ArrayList<>(pending);
        leads.addAll(splitUnits(jointly.group(1)));
        pending.clear();
        anyUnit |= add(leads, Role.LEAD, units);
        units.leadByVerb = true;
        anyUnit |= add(splitUnits(jointly.group(2)), Role.RESPONSIBLE, units);
        continue;
      }
      Matcher m = ROLE_CLAUSE.matcher(c);
      if (c.isEmpty() || ROLE_END.indexOf(c.charAt(c.length() - 1)) < 0 || !m.matches()) {
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
      if (labelRole == null && isPlainDuty(phrase)) {
        units.plainDuty.addAll(names); // 负责: leads unless a 牵头 clause names the lead
        anyUnit |= !names.isEmpty();
        continue;
      }
      Role role = roleOfPhrase(phrase, labelRole);
      units.leadByVerb |= role == Role.LEAD && labelRole == null;
      units.supporting |= SUPPORTING.matcher(phrase).find() && !names.isEmpty();
      anyUnit |= add(names, role, units);
    }
    if (!pending.isEmpty()) {
      units.responsible.addAll(pending);
      units.problems.add(
          "无法判断「" + Texts.limit(String.join("、", pending), 200) + "」是牵头单位还是责任单位，已按责任单位处理");
      return false;
    }
    return anyUnit;
  }

  private static boolean isPlainDuty(String phrase) {
    return phrase.equals("负责")
        || phrase.equals("具体负责")
        || phrase.equals("负责落实")
        || phrase.equals("主责");
  }

  private static Role roleOfPhrase(String phrase, Role labelRole) {
    if (phrase.contains("牵头") || phrase.equals("共同负责")) {
      return Role.LEAD;
    }
    if (phrase.startsWith("按")
        || phrase.startsWith("根据")
        || phrase.equals("分别负责")
        || phrase.equals("各负其责")) {
      return Role.RESPONSIBLE; // by division: each unit for its own part
    }
    if (phrase.contains("负责") || phrase.contains("落实") || phrase.equals("主责")) {
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
    if (trimmed.indexOf('、') >= 0) {
      trimmed = protectLevels(trimmed);
    }
    for (String item : Texts.splitOutsideBrackets(trimmed, LIST_SEPARATORS)) {
      for (String piece : splitConjunctions(item)) {
        addUnit(piece.replace(PROTECTED_COMMA, '、'), names);
      }
    }
    return List.copyOf(names);
  }

  /** 各县、市、区政府 is one collective: its 、 are no list separators. */
  private static String protectLevels(String list) {
    Matcher m = LEVELS.matcher(list);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace('、', PROTECTED_COMMA)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void addUnit(String piece, Set<String> names) {
    // cheap checks first: these patterns run for every name of every task
    String name = Texts.clean(piece);
    if (!name.isEmpty() && "由以及和与".indexOf(name.charAt(0)) >= 0) {
      name = Texts.clean(UNIT_START.matcher(name).replaceFirst(""));
    }
    if (name.length() > 2 && "责与合".indexOf(name.charAt(name.length() - 1)) >= 0) {
      name = Texts.clean(NAME_SUFFIX.matcher(name).replaceFirst("")); // 各街道按职责分工负责、区民政局参与
    }
    if (name.isEmpty()) {
      return;
    }
    boolean relevant =
        (name.endsWith("部门") || name.endsWith("单位"))
            && (name.contains("有关") || name.contains("相关"));
    Matcher listed = LISTED_PLACEHOLDER.matcher(name);
    if (relevant && listed.matches()) {
      names.add(Texts.clean(listed.group(1)));
      names.add(ParsedTask.TO_BE_ASSIGNED);
      return;
    }
    if (relevant && PLACEHOLDER.matcher(name).matches()) {
      names.add(ParsedTask.TO_BE_ASSIGNED);
      return;
    }
    if (name.indexOf('等') < 0) {
      names.add(name);
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
      if (item.length() - i - 1 >= 2 && UnitNames.endsLikeUnit(item, from, leftEnd)) {
        pieces.add(item.substring(from, leftEnd));
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
