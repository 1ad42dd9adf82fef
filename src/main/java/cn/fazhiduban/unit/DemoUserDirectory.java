package cn.fazhiduban.unit;

import java.util.List;

/** Who logs in for a unit in demo mode; identity implements it, so that this package does not depend on identity. */
public interface DemoUserDirectory {

  boolean enabled();

  List<String> of(Unit unit);
}
