package cn.fazhiduban.unit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A collective name (各直属街道 …) as stored: its aliases, the kinds and the units it stands for. */
@Entity
@Table(name = "org_collective")
class CollectiveRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @ElementCollection
  @CollectionTable(name = "org_collective_alias", joinColumns = @JoinColumn(name = "collective_id"))
  @Column(name = "alias")
  private List<String> aliases = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "org_collective_kind", joinColumns = @JoinColumn(name = "collective_id"))
  @Column(name = "kind")
  @Enumerated(EnumType.STRING)
  private List<UnitKind> memberKinds = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "org_collective_member",
      joinColumns = @JoinColumn(name = "collective_id"))
  @Column(name = "unit_code")
  private List<String> members = new ArrayList<>();

  protected CollectiveRecord() {}

  CollectiveRecord(
      String name, List<String> aliases, List<UnitKind> memberKinds, List<String> members) {
    this.name = name;
    this.aliases.addAll(aliases);
    this.memberKinds.addAll(memberKinds);
    this.members.addAll(members);
  }

  UnitIndex.Collective toCollective() {
    return new UnitIndex.Collective(
        name, List.copyOf(aliases), List.copyOf(memberKinds), List.copyOf(members));
  }
}
