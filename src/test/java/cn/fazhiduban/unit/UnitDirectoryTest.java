package cn.fazhiduban.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhiduban.unit.UnitProperties.CollectiveEntry;
import cn.fazhiduban.unit.UnitProperties.Placeholder;
import cn.fazhiduban.unit.UnitProperties.UnitEntry;
import cn.fazhiduban.unit.UnitReference.Type;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The unit directory (the tests' own {@code fixtures/units.yaml}), bound as the application binds
 * it.
 */
class UnitDirectoryTest {

  static UnitDirectory directory;

  @BeforeAll
  static void load() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("units", new ClassPathResource("fixtures/units.yaml"))
        .forEach(source -> environment.getPropertySources().addFirst(source));
    UnitProperties properties =
        Binder.get(environment).bind("duban.units", UnitProperties.class).get();
    directory = new UnitDirectory(properties);
  }

  @Test
  void findsUnitsByNameAndAlias() {
    UnitReference justice = directory.resolve("司法局");
    assertThat(justice.type()).isEqualTo(Type.UNIT);
    assertThat(justice.units()).extracting(Unit::code).containsExactly("sfj");
    assertThat(directory.resolve("区司法局").units()).extracting(Unit::code).containsExactly("sfj");
    assertThat(directory.resolve(" 两江检察室 ").canonicalName()).isEqualTo("渝北区检察院两江检察室");
  }

  @Test
  void streetsAreTheSameWhetherCalled各直属街道or各街道办事处() {
    UnitReference direct = directory.resolve("各直属街道");
    UnitReference offices = directory.resolve("各街道办事处");
    assertThat(direct.type()).isEqualTo(Type.COLLECTIVE);
    assertThat(offices.canonicalName()).isEqualTo("各直属街道");
    assertThat(direct.units())
        .isEqualTo(offices.units())
        .isNotEmpty()
        .allSatisfy(unit -> assertThat(unit.kind()).isEqualTo(UnitKind.STREET));
  }

  @Test
  void everyDepartmentIsMemberOf各单位部门ButNotTheOfficeOrTheCourts() {
    List<Unit> members = directory.resolve("各单位部门").units();
    assertThat(members)
        .extracting(Unit::name)
        .contains("办公室", "司法局", "宣传部", "两江新区党校")
        .doesNotContain("依法治区办", "渝北区法院两江审判区", "东湖街道");
  }

  @Test
  void partyCommitteesWithHalfWidthBracketsStillResolve() {
    UnitReference full = directory.resolve("各党委（党组）");
    UnitReference half = directory.resolve("各党委(党组)");
    assertThat(full.type()).isEqualTo(Type.COLLECTIVE);
    assertThat(half.units()).isEqualTo(full.units());
    assertThat(full.units())
        .extracting(Unit::kind)
        .contains(UnitKind.STREET, UnitKind.DEPARTMENT, UnitKind.PARTY);
  }

  @Test
  void placeholderAndUnknownNames() {
    assertThat(directory.resolve("有关部门").type()).isEqualTo(Type.PLACEHOLDER);
    assertThat(directory.resolve("相关部门").canonicalName()).isEqualTo("有关部门");
    UnitReference unknown = directory.resolve("火星管理局");
    assertThat(unknown.type()).isEqualTo(Type.UNRESOLVED);
    assertThat(unknown.resolved()).isFalse();
  }

  @Test
  void unitCodesAreAsciiGroupIds() {
    assertThat(directory.units())
        .hasSizeGreaterThanOrEqualTo(24)
        .allSatisfy(unit -> assertThat(unit.groupId()).matches("[a-z][a-z0-9]+"));
    assertThat(directory.byCode("yfzqb")).get().extracting(Unit::kind).isEqualTo(UnitKind.OFFICE);
  }

  @Test
  void aNameForTwoUnitsIsAConfigurationError() {
    UnitProperties clash =
        new UnitProperties(
            new Placeholder("有关部门", List.of()),
            List.of(
                new UnitEntry("aa", "甲局", UnitKind.DEPARTMENT, List.of("综合局")),
                new UnitEntry("bb", "乙局", UnitKind.DEPARTMENT, List.of("综合局"))),
            List.of());
    assertThatThrownBy(() -> new UnitDirectory(clash)).hasMessageContaining("综合局");

    UnitProperties unknownMember =
        new UnitProperties(
            new Placeholder("有关部门", List.of()),
            List.of(new UnitEntry("aa", "甲局", UnitKind.DEPARTMENT, List.of())),
            List.of(new CollectiveEntry("各局", List.of(), List.of(), List.of("zz"))));
    assertThatThrownBy(() -> new UnitDirectory(unknownMember)).hasMessageContaining("zz");
  }
}
