package cn.fazhiduban.supervision;

import java.util.List;

/** The fields of a submitted progress report, as the form delivers them. */
public record ReportForm(
    String progress,
    String completion,
    Integer percent,
    String problems,
    String nextSteps,
    String contact,
    String phone,
    List<String> evidence) {}
