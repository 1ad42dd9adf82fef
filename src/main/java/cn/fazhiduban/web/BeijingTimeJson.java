package cn.fazhiduban.web;

import cn.fazhiduban.engine.EngineClock;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every instant in our {@code /api} answers is written in Beijing time with its offset ({@code
 * 2026-12-31T18:00:00+08:00}), whatever the server's zone: what a person reads is the district's
 * time, and a program still has the exact instant. Offsets that clients send are honoured as they
 * are.
 */
@Configuration
class BeijingTimeJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer beijingInstants() {
    return builder -> builder.serializerByType(Instant.class, new InstantSerializer());
  }

  static final class InstantSerializer extends StdSerializer<Instant> {

    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
              OffsetDateTime.ofInstant(value, EngineClock.ZONE)));
    }
  }
}
