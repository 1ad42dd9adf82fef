package cn.fazhiduban.escalation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a level by its Chinese label, as the column always held it. */
@Converter
class EscalationLevelConverter implements AttributeConverter<EscalationLevel, String> {

  @Override
  public String convertToDatabaseColumn(EscalationLevel level) {
    return level == null ? null : level.label();
  }

  @Override
  public EscalationLevel convertToEntityAttribute(String label) {
    return label == null ? null : EscalationLevel.ofLabel(label);
  }
}
