package cn.fazhiduban.unit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the unit directory; in demo mode each unit names its demo users. */
@RestController
class UnitController {

  private final UnitDirectory directory;
  private final UnitUsers demoUsers;

  UnitController(UnitDirectory directory, UnitUsers demoUsers) {
    this.directory = directory;
    this.demoUsers = demoUsers;
  }

  record UnitView(String code, String name, String kind, String kindLabel, List<String> aliases, String groupId,
      List<String> demoUsers) {}

  @GetMapping("/api/units")
  List<UnitView> units() {
    return directory.units().stream()
        .map(unit -> new UnitView(unit.code(), unit.name(), unit.kind().name(), unit.kind().label(), unit.aliases(),
            unit.groupId(), demoUsers.listed() ? demoUsers.of(unit) : null))
        .toList();
  }
}
