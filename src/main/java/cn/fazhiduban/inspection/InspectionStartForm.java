package cn.fazhiduban.inspection;

import cn.fazhiduban.identity.Groups;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * What the start form shows before anything is entered, as the default value of its read-only form
 * field {@code inspectionProposal} ({@code ${inspectionStartForm.proposal()}}): the newest plan
 * with its period, the units proposed for inspection (not yet inspected in the period, oldest
 * inspection first) and the office's users for the 督察组. Tasklist reads it with the start form's
 * variables through its own session.
 */
@Component("inspectionStartForm")
public class InspectionStartForm {

  private final InspectionQueries queries;
  private final IdentityService identityService;
  private final ObjectMapper json;

  InspectionStartForm(
      InspectionQueries queries, IdentityService identityService, ObjectMapper json) {
    this.queries = queries;
    this.identityService = identityService;
    this.json = json;
  }

  /**
   * Compact, because the engine keeps the value of a form field as a String variable (at most 4,000
   * characters) when a client starts the process without it: {@code {"planId", "planTitle",
   * "periodFrom", "periodTo", "units": [[code, name, kind, lastInspectedAt]], "others": [...],
   * "users": [[id, name]]}}.
   */
  public String proposal() {
    InspectionQueries.Proposal proposal = queries.proposal(null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("planId", proposal.planId());
    data.put("planTitle", proposal.planTitle());
    data.put("periodFrom", proposal.periodFrom() == null ? null : proposal.periodFrom().toString());
    data.put("periodTo", proposal.periodTo() == null ? null : proposal.periodTo().toString());
    data.put("units", rows(proposal.units()));
    data.put("others", rows(proposal.others()));
    data.put(
        "users", officeUsers().stream().map(u -> List.of(u.get("id"), u.get("name"))).toList());
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<List<String>> rows(List<InspectionQueries.ProposedUnit> units) {
    return units.stream()
        .map(
            u ->
                java.util.Arrays.asList(
                    u.code(),
                    u.name(),
                    u.kind(),
                    u.lastInspectedAt() == null
                        ? null
                        : u.lastInspectedAt().toLocalDate().toString()))
        .toList();
  }

  private List<Map<String, String>> officeUsers() {
    var commandContext = Context.getCommandContext();
    List<User> users =
        commandContext == null ? query() : commandContext.runWithoutAuthorization(this::query);
    return users.stream()
        .map(
            u ->
                Map.of(
                    "id",
                    u.getId(),
                    "name",
                    ((u.getLastName() == null ? "" : u.getLastName())
                            + (u.getFirstName() == null ? "" : u.getFirstName()))
                        .strip()))
        .toList();
  }

  private List<User> query() {
    return identityService
        .createUserQuery()
        .memberOfGroup(Groups.OFFICE)
        .orderByUserId()
        .asc()
        .listPage(0, 200);
  }
}
