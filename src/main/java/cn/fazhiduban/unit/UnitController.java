package cn.fazhiduban.unit;

import cn.fazhiduban.engine.EngineClock;
import cn.fazhiduban.web.ApiException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/units}: the unit directory (any user; in demo mode each unit names its demo users),
 * and its changes (依法治区办 and administrators; the security chain refuses everyone else before this
 * is reached).
 */
@RestController
class UnitController {

  private final UnitDirectory directory;
  private final UnitService service;
  private final UnitUsers demoUsers;

  UnitController(UnitDirectory directory, UnitService service, UnitUsers demoUsers) {
    this.directory = directory;
    this.service = service;
    this.demoUsers = demoUsers;
  }

  record UnitView(
      String code,
      String name,
      String kind,
      String kindLabel,
      List<String> aliases,
      String groupId,
      boolean retired,
      List<String> demoUsers) {}

  record NewUnit(String code, String name, String kind, List<String> aliases) {}

  record UnitUpdate(String name, List<String> aliases) {}

  record ChangeView(
      String action, String changedBy, OffsetDateTime changedAt, String before, String after) {}

  @GetMapping("/api/units")
  List<UnitView> units() {
    return directory.units().stream().map(this::view).toList();
  }

  @GetMapping("/api/units/{code}/changes")
  List<ChangeView> changes(@PathVariable String code) {
    directory.byCode(code).orElseThrow(() -> ApiException.notFound("单位 " + code));
    return service.changesOf(code).stream()
        .map(
            c ->
                new ChangeView(
                    c.getAction().name(),
                    c.getChangedBy(),
                    c.getChangedAt().atZone(EngineClock.ZONE).toOffsetDateTime(),
                    c.getBefore(),
                    c.getAfter()))
        .toList();
  }

  @PostMapping("/api/units")
  ResponseEntity<UnitView> add(@RequestBody NewUnit body, Principal user) {
    Unit unit =
        service.add(body.code(), body.name(), kind(body.kind()), body.aliases(), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(unit));
  }

  @PutMapping("/api/units/{code}")
  UnitView update(@PathVariable String code, @RequestBody UnitUpdate body, Principal user) {
    return view(service.update(code, body.name(), body.aliases(), user.getName()));
  }

  @PostMapping("/api/units/{code}/retire")
  UnitView retire(@PathVariable String code, Principal user) {
    return view(service.retire(code, user.getName()));
  }

  private UnitView view(Unit unit) {
    return new UnitView(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.kind().label(),
        unit.aliases(),
        unit.groupId(),
        unit.retired(),
        demoUsers.listed() ? demoUsers.of(unit) : null);
  }

  static UnitKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return UnitKind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "invalid-unit",
          "单位类别只能是 DEPARTMENT（部门）、PARTY（党委工作机关）、STREET（街道）、JUDICIAL（司法机关派出机构）或 OFFICE（依法治区办）。");
    }
  }
}
