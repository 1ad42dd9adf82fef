package cn.fazhiduban.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * The annual reports and every version of their .docx. Written by the {@code annual-report}
 * process's delegates and listeners in the engine's transaction (the same data source and
 * transaction manager); nothing is overwritten.
 */
@Repository
public class AnnualReportStore {

  public record Version(
      long reportId,
      int year,
      String status,
      int version,
      String kind,
      byte[] content,
      Instant createdAt,
      String createdBy) {}

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insertReport;

  AnnualReportStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insertReport =
        new SimpleJdbcInsert(jdbc)
            .withTableName("annual_report")
            .usingGeneratedKeyColumns("id")
            .usingColumns("report_year", "status", "process_instance_id", "started_at");
  }

  public long start(int year, String processInstanceId, Instant at) {
    return insertReport
        .executeAndReturnKey(
            Map.of(
                "report_year",
                year,
                "status",
                AnnualReportProcess.DRAFT,
                "process_instance_id",
                processInstanceId,
                "started_at",
                Timestamp.from(at)))
        .longValue();
  }

  /** Adds the next version of the report's document and returns its number (1, 2, …). */
  public int addVersion(
      long reportId, String kind, byte[] content, String opinion, String by, Instant at) {
    Integer last =
        jdbc.queryForObject(
            "select max(version) from annual_report_version where report_id = ?",
            Integer.class,
            reportId);
    int version = last == null ? 1 : last + 1;
    jdbc.update(
        "insert into annual_report_version (report_id, version, kind, content, opinion, created_by,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?)",
        reportId,
        version,
        kind,
        content,
        opinion,
        by,
        Timestamp.from(at));
    return version;
  }

  /** Notes the leaders' opinion on the newest version (the one they returned). */
  public void opinion(long reportId, String opinion) {
    jdbc.update(
        "update annual_report_version set opinion = ? where report_id = ? and version ="
            + " (select max(version) from annual_report_version where report_id = ?)",
        opinion,
        reportId,
        reportId);
  }

  public void status(long reportId, String status) {
    jdbc.update("update annual_report set status = ? where id = ?", status, reportId);
  }

  public void published(long reportId, String by, Instant at) {
    jdbc.update(
        "update annual_report set status = ?, published_at = ?, published_by = ? where id = ?",
        AnnualReportProcess.PUBLISHED,
        Timestamp.from(at),
        by,
        reportId);
  }

  /** The newest version of a report. */
  public Optional<Version> latestOf(long reportId) {
    return first(
        jdbc.query(SELECT + " where r.id = ? order by v.version desc", this::version, reportId));
  }

  /** The newest version of the year's newest report, draft or published. */
  public Optional<Version> latest(int year) {
    return first(
        jdbc.query(
            SELECT + " where r.report_year = ? order by r.id desc, v.version desc",
            this::version,
            year));
  }

  /** How many versions the year's reports have, all told. */
  public int versionCount(int year) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from annual_report_version v join annual_report r"
                + " on r.id = v.report_id where r.report_year = ?",
            Integer.class,
            year);
    return count == null ? 0 : count;
  }

  private static final String SELECT =
      "select r.id, r.report_year, r.status, v.version, v.kind, v.content,"
          + " v.created_at, v.created_by from annual_report r join annual_report_version v on v.report_id = r.id";

  private Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Version(
        rs.getLong(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getBytes(6),
        ReportingData.instant(rs, "created_at"),
        rs.getString(8));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }
}
