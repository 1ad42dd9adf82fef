package cn.fazhiduban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhiduban.plan.parse.UnitAnnotationParser.Units;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitAnnotationParserTest {

  private final UnitAnnotationParser annotations = new UnitAnnotationParser();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "区司法局、区公安分局|区司法局、区公安分局",
        "各党委（党组），各单位部门|各党委（党组）、各单位部门",
        "各街道办事处和有关部门|各街道办事处、有关部门",
        "有关部门和各街道办事处|有关部门、各街道办事处",
        "区人力资源和社会保障局|区人力资源和社会保障局",
        "区住房和城乡建设委员会、区科学技术和信息化局|区住房和城乡建设委员会、区科学技术和信息化局",
        "建设局、社保局等有关部门，各直属街道|建设局、社保局、有关部门、各直属街道",
        "宣传部、公安分局等部门|宣传部、公安分局",
        "区财政局等单位|区财政局",
        "各有关部门|有关部门",
        "相关单位|有关部门",
        "区委办以及区政府办|区委办、区政府办",
        "区司法局 区法院|区司法局、区法院",
        "区司法局、区司法局|区司法局",
      })
  void splitsUnitLists(String list, String expected) {
    assertThat(UnitAnnotationParser.splitUnits(list))
        .containsExactlyElementsOf(Arrays.asList(expected.split("、")));
  }

  @Test
  void labelsInAnyPunctuation() {
    Units u = parse("牵头单位:司法局;责任单位:各街道,各部门");
    assertThat(u.lead).containsExactly("司法局");
    assertThat(u.responsible).containsExactly("各街道", "各部门");
    assertThat(u.problems).isEmpty();
  }

  @Test
  void personsAreSkippedAndDeadlinesHandedBack() {
    Units u = parse("责任领导：张三；牵头单位：区司法局；配合单位：区法院；完成时限：2024年底前");
    assertThat(u.lead).containsExactly("区司法局");
    assertThat(u.responsible).containsExactly("区法院");
    assertThat(u.deadlines).containsExactly("2024年底前");
  }

  @Test
  void aClauseInsideALabelKeepsItsOwnRole() {
    Units u = parse("责任单位：县司法局牵头，各乡镇配合");
    assertThat(u.lead).containsExactly("县司法局");
    assertThat(u.responsible).containsExactly("各乡镇");
    Units lead = parse("牵头单位：区司法局负责");
    assertThat(lead.lead).containsExactly("区司法局");
  }

  @Test
  void unitsWithoutRoleBorrowTheNextClausesRole() {
    Units u = parse("经济运行局、公安分局等有关部门，渝北区法院两江审判区按职责分工负责");
    assertThat(u.responsible).containsExactly("经济运行局", "公安分局", "有关部门", "渝北区法院两江审判区");
    assertThat(u.divisionPhrase).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"试行", "2021—2025年", "以下简称“方案”", "含街道、社区", "由各地自行负责协调"})
  void bracketsThatAreNoAnnotation(String content) {
    assertThat(annotations.isAnnotation(content)).isFalse();
  }

  @Test
  void findsTheAnnotationAtTheEndOfATask() {
    String text = "加强党的领导。〔牵头单位：依法治区办；责任单位：各党委（党组），各单位部门〕";
    assertThat(annotations.find(text))
        .hasValueSatisfying(
            f -> {
              assertThat(f.start()).isEqualTo(text.indexOf('〔'));
              assertThat(f.content()).isEqualTo("牵头单位：依法治区办；责任单位：各党委（党组），各单位部门");
            });
    assertThat(annotations.find("完善制度（试行）。")).isEmpty();
  }

  private Units parse(String content) {
    Units units = new Units();
    annotations.parse(content, units);
    return units;
  }
}
