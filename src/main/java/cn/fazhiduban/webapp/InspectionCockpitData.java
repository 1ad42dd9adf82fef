package cn.fazhiduban.webapp;

import cn.fazhiduban.identity.Groups;
import cn.fazhiduban.inspection.InspectionQueries;
import cn.fazhiduban.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of Cockpit's 督察 view ({@code app/cockpit/scripts/duban-inspection.js}), read with the
 * Cockpit session the user already has: the webapp keeps its login in the HTTP session, which this
 * controller reads; our own {@code /api} stays HTTP Basic only. Read only (GET), for users logged
 * in to Cockpit who are leaders, 依法治区办 or administrators.
 */
@RestController
@RequestMapping("/camunda/duban/inspections")
class InspectionCockpitData {

  private static final Set<String> READERS = Set.of(Groups.LEADERS, Groups.OFFICE, Groups.ADMINS);

  private final InspectionQueries queries;

  InspectionCockpitData(InspectionQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/coverage")
  InspectionQueries.Coverage coverage(
      @RequestParam(required = false) Long plan, HttpServletRequest request) {
    requireCockpitReader(request);
    return queries.coverage(plan, code -> true);
  }

  @GetMapping
  List<InspectionQueries.InspectionRow> inspections(
      @RequestParam(required = false) Integer year, HttpServletRequest request) {
    requireCockpitReader(request);
    return queries.list(year, null, code -> true);
  }

  /**
   * The Cockpit login of the default engine, with the right to use Cockpit and one of the reading
   * groups.
   */
  static UserAuthentication requireCockpitReader(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication user =
        authentications == null
            ? null
            : (UserAuthentication) authentications.getAuthenticationForProcessEngine("default");
    if (user == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "请先登录 Cockpit。");
    }
    if (!user.isAuthorizedForApp("cockpit")
        || user.getGroupIds().stream().noneMatch(READERS::contains)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "督察视图只供领导、依法治区办和管理员查看。");
    }
    return user;
  }
}
