package cn.fazhiduban.reporting.cockpit;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.reporting.AnnualReportStore;
import cn.fazhiduban.reporting.LedgerExporter;
import cn.fazhiduban.reporting.OverviewService;
import cn.fazhiduban.reporting.ScoreService;
import cn.fazhiduban.supervision.Viewer;
import cn.fazhiduban.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * 督办总览's data for the Cockpit page, as the logged-in Cockpit user: a unit's user sees his own unit
 * only, leaders, 依法治区办 and administrators everything. The same services as {@code /api} answer; the
 * Spring beans come from the servlet context the webapp runs in.
 */
@Path("plugin/" + DubanOverviewPlugin.ID)
public class DubanOverviewResource extends AbstractCockpitPluginRootResource {

  private static final Set<String> SEE_ALL = Set.of(Groups.OFFICE, Groups.LEADERS, Groups.ADMINS);
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Context ServletContext servlets;

  public DubanOverviewResource() {
    super(DubanOverviewPlugin.ID);
  }

  @GET
  @Path("{engine}/overview")
  @Produces(MediaType.APPLICATION_JSON)
  public Response overview(
      @PathParam("engine") String engine,
      @QueryParam("roundId") Long roundId,
      @QueryParam("year") Integer year) {
    Viewer viewer = viewer(engine);
    return answer(() -> json(bean(OverviewService.class).overview(roundId, year, viewer)));
  }

  @GET
  @Path("{engine}/scores")
  @Produces(MediaType.APPLICATION_JSON)
  public Response scores(@PathParam("engine") String engine, @QueryParam("year") Integer year) {
    Viewer viewer = viewer(engine);
    ScoreService scores = bean(ScoreService.class);
    return answer(() -> json(scores.scores(scores.year(year == null ? 0 : year), viewer)));
  }

  @GET
  @Path("{engine}/rounds/{id}/ledger.xlsx")
  public Response ledger(@PathParam("engine") String engine, @PathParam("id") long roundId) {
    Viewer viewer = viewer(engine);
    return answer(
        () -> {
          bean(ScoreService.class).round(roundId);
          LedgerExporter exporter = bean(LedgerExporter.class);
          StreamingOutput body = out -> exporter.write(roundId, viewer, out);
          return Response.ok(body, XLSX)
              .header("Content-Disposition", attachment("督办台账-轮次" + roundId + ".xlsx"))
              .build();
        });
  }

  @GET
  @Path("{engine}/reports/annual/{year}.docx")
  public Response annualReport(@PathParam("engine") String engine, @PathParam("year") int year) {
    Viewer viewer = viewer(engine);
    return answer(
        () -> {
          if (!viewer.seesAll()) {
            throw new ApiException(
                org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "年度报告仅供依法治区办和领导查阅。");
          }
          AnnualReportStore.Version latest =
              bean(AnnualReportStore.class)
                  .latest(year)
                  .orElseThrow(() -> ApiException.notFound(year + "年法治政府建设年度报告"));
          return Response.ok(latest.content(), DOCX)
              .header("Content-Disposition", attachment(year + "年法治政府建设年度报告.docx"))
              .build();
        });
  }

  /**
   * Who is asking: the Cockpit session's user for this engine, with the groups that decide what he
   * sees.
   */
  private Viewer viewer(String engine) {
    Authentications all = Authentications.getCurrent();
    UserAuthentication user =
        all == null
            ? null
            : all.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication u
                ? u
                : null;
    if (user == null || user.getIdentityId() == null) {
      throw new jakarta.ws.rs.WebApplicationException(error(401, "unauthorized", "请先登录 Cockpit。"));
    }
    Set<String> groups = new HashSet<>(user.getGroupIds() == null ? Set.of() : user.getGroupIds());
    return new Viewer(groups.stream().anyMatch(SEE_ALL::contains), groups);
  }

  private <T> T bean(Class<T> type) {
    ApplicationContext context =
        WebApplicationContextUtils.getRequiredWebApplicationContext(servlets);
    return context.getBean(type);
  }

  private String json(Object value) {
    try {
      return bean(ObjectMapper.class).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Answer {
    Object get();
  }

  /**
   * JSON answers as {@code /api} gives them; refusals as our JSON errors with a Chinese message.
   */
  private Response answer(Answer answer) {
    try {
      Object value = answer.get();
      return value instanceof Response response
          ? response
          : Response.ok(value, MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    } catch (ApiException e) {
      return error(e.status().value(), e.code(), e.getMessage());
    }
  }

  private Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
        .entity(json(Map.of("error", code, "message", message)))
        .build();
  }

  private static String attachment(String filename) {
    return "attachment; filename*=UTF-8''"
        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
