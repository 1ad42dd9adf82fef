package cn.fazhiduban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.unit.UnitIndex.Collective;
import cn.fazhiduban.unit.UnitReference.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retired unit keeps its code and names, but gets no new work: its names do not resolve,
 * collectives skip it.
 */
class UnitIndexTest {

  private final UnitIndex index =
      new UnitIndex(
          List.of(
              new Unit("jja", "甲局", UnitKind.DEPARTMENT, List.of("甲管理局"), false),
              new Unit("jjb", "乙局", UnitKind.DEPARTMENT, List.of("乙管理局"), true),
              new Unit("jdc", "丙街道", UnitKind.STREET, List.of(), false)),
          List.of(
              new Collective("各部门", List.of("各单位部门"), List.of(UnitKind.DEPARTMENT), List.of()),
              new Collective("丙乙两家", List.of(), List.of(), List.of("jdc", "jjb"))),
          "有关部门",
          List.of("相关部门"));

  @Test
  void aRetiredUnitsNamesNoLongerResolve() {
    assertThat(index.resolve("甲管理局").units()).extracting(Unit::code).containsExactly("jja");
    assertThat(index.resolve("乙局").type()).isEqualTo(Type.UNRESOLVED);
    assertThat(index.resolve("乙管理局").type()).isEqualTo(Type.UNRESOLVED);
    // it is still there for the work it has, and its names stay taken
    assertThat(index.byCode("jjb")).get().extracting(Unit::retired).isEqualTo(true);
    assertThat(index.holderOf("乙管理局")).get().asString().contains("已撤销", "jjb");
  }

  @Test
  void collectivesSkipRetiredUnitsWhetherByKindOrByCode() {
    assertThat(index.resolve("各单位部门").units()).extracting(Unit::code).containsExactly("jja");
    assertThat(index.resolve("丙乙两家").units()).extracting(Unit::code).containsExactly("jdc");
  }

  @Test
  void namesAreTakenByUnitsCollectivesAndThePlaceholder() {
    assertThat(index.holderOf("甲 局")).get().asString().contains("jja");
    assertThat(index.holderOf("各部门")).get().asString().contains("集合名称");
    assertThat(index.holderOf("相关部门")).get().asString().contains("待定单位");
    assertThat(index.holderOf("丁局")).isEmpty();
  }
}
